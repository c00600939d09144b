import BulletinContent
import BulletinModel
import BulletinSite
import BulletinSupport
import Foundation

/// The site menu's views, made once per build for each way to the site root and each entry
/// marked current: a few dozen variants serve every page, which made its own before.
final class MenuViews: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(title: String, target: String, section: String)]?
    private var made: [String: [View]] = [:]

    func views(for page: PageContext) -> [View] {
        lock.withLock {
            let entries = self.entries ?? page.menuEntries()
            self.entries = entries
            let current = entries.map { page.isCurrent($0.section) }
            let key = page.root + "\u{0}" + String(current.map { $0 ? "1" : "0" })
            if let views = made[key] { return views }
            let views = zip(entries, current).map { entry, current in
                View(typed: ["title": .text(entry.title), "url": .text(page.url(entry.target)), "current": .flag(current)])
            }
            made[key] = views
            return views
        }
    }
}
