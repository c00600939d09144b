import BulletinContent
import BulletinModel
import BulletinSite
import BulletinSupport

/// Builds the values for one output page. URLs are made relative to that page here.
struct PageContext {
    let path: String
    let graph: SiteGraph
    let strings: ThemeStrings
    let bodies: RenderedBodies
    /// The site menu's views, made once for each way to the root and current entry.
    let menus: MenuViews
    /// Set for 404.html, which a server shows at any address: links start from the site root.
    var absoluteRoot: String?
    /// `../` per folder to the site root, worked out once per page: every link starts with it.
    private let relativeRoot: String

    init(path: String, graph: SiteGraph, strings: ThemeStrings, bodies: RenderedBodies, menus: MenuViews) {
        self.path = path
        self.graph = graph
        self.strings = strings
        self.bodies = bodies
        self.menus = menus
        relativeRoot = Routes.rootPrefix(of: path)
    }

    var root: String { absoluteRoot ?? relativeRoot }

    /// The link to `target`; a `shared` one, for a view kept between pages, starts from
    /// `Routes.rootMarker` instead of this page's way to the root.
    func url(_ target: String, shared: Bool = false) -> String {
        (shared ? Routes.rootMarker : root) + Routes.percentEncoded(target)
    }

    func date(_ date: SimpleDate?) -> View? {
        date.map { View(typed: ["iso": .text($0.iso), "text": .text(strings.format($0))]) }
    }

    func choice<E: ContentEnum>(_ value: E?) -> View? {
        value.map { View(typed: ["value": .text($0.rawValue), "label": .text(strings.label($0))]) }
    }

    func communityLink(_ id: String, shared: Bool = false) -> View {
        View(typed: ["name": .text(graph.community(id)?.name ?? id), "url": .text(url(Routes.community(id), shared: shared))])
    }

    func tagLinks(_ tags: [String], shared: Bool = false) -> [View] {
        var seen: [String] = []
        return tags.compactMap { tag in
            let slug = graph.tagSlug(tag)
            guard !seen.contains(slug) else { return nil }
            seen.append(slug)
            return View(typed: ["name": .text(tag), "url": .text(url(Routes.listPage(Routes.tagFolder(slug), 1), shared: shared))])
        }
    }

    /// A record's title, link and list fields, as an entry of any list shows them.
    func summary(_ record: Record) -> View { summary(record, shared: false) }

    /// List entries, each made and rendered once per build wherever the templates show it.
    func summaries(_ records: [Record]) -> SharedViews {
        SharedViews(identities: records.map(\.identity)) { [self] index in summary(records[index], shared: true) }
    }

    /// Made for every entry of every list, so its values are set typed. A `shared` one is the
    /// same on every page: its links start from `Routes.rootMarker`. Fields are named by their
    /// keys; `date` is the date the record is listed under, `summary` its first paragraph, and
    /// `kind` the kind of record.
    private func summary(_ record: Record, shared: Bool) -> View {
        let kind = record.kind.singular
        var view = View(typed: [
            RecordFields.title.key: .text(record.title), "url": .text(url(Routes.record(record), shared: shared)), "kind": .text(kind),
            "kind_label": .text(strings.kinds[kind]?.one ?? kind),
            "community": .view(communityLink(record.community, shared: shared)), RecordFields.draft.key: .flag(record.draft),
        ])
        view.set("date", date(record.date).map(ViewValue.view))
        view.set("summary", bodies.summary(of: record).map(ViewValue.text))
        view.setList(RecordFields.tags.key, tagLinks(record.tags, shared: shared))
        switch record.details {
        case .meeting(let m):
            view.set(MeetingFields.time.key, m.time.map { .text($0.description) })
            view.set(MeetingFields.location.key, m.location.map(ViewValue.text))
            view.set(MeetingFields.status.key, choice(m.status).map(ViewValue.view))
            view.set(MeetingFields.format.key, choice(m.format).map(ViewValue.view))
            view.set(MeetingFields.outcome.key, choice(m.outcome).map(ViewValue.view))
        case .activity(let a):
            view.set(ActivityFields.time.key, a.time.map { .text($0.description) })
            view.set(ActivityFields.location.key, a.location.map(ViewValue.text))
            view.set(ActivityFields.category.key, choice(a.category).map(ViewValue.view))
        case .convention(let c):
            view.set(ConventionFields.status.key, choice(c.status).map(ViewValue.view))
        case .problem(let p):
            view.set(ProblemFields.status.key, choice(p.status).map(ViewValue.view))
            view.set(ProblemFields.urgent.key, .flag(p.urgent))
        }
        return view
    }

    func communitySummary(_ node: CommunityNode) -> View {
        let problems = node.list(.problems)
        var view: View = [
            CommunityFields.name.key: node.profile.name, "url": url(Routes.community(node.profile.id)),
            CommunityFields.street.key: node.profile.street,
            "counts": [
                "meetings": node.list(.meetings).count, "activities": node.list(.activities).count,
                "conventions": node.list(.conventions).count, "problems": problems.count,
                "problems_open": problems.filter { !($0.links.problemStatus?.isSettled ?? true) }.count,
            ] as View,
        ]
        view[CommunityFields.district.key] = node.profile.district
        return view
    }

    func streets() -> [View] {
        graph.streets.map { ["name": $0.street, "communities": $0.communities.map(communitySummary)] }
    }

    /// The frame every page shares: menu, strings, site, breadcrumbs. Made for every page, so
    /// its values are set typed.
    func frame(title: String, kindClass: String, breadcrumbs: [(String, String)], feed: String? = nil) -> View {
        var view = View(typed: [
            "root": .text(root), "page_title": .text(title),
            "kind_class": .text("page-\(kindClass)"), "stylesheet_url": .text(url(Routes.stylesheet)),
            "is_home": .flag(path == Routes.home), "menu": .views(menus.views(for: self)),
        ])
        view.setShared("lang", .text(graph.site.language))
        view.setShared("t", .view(strings.uiView))
        view.setShared("site", .view(siteView))
        view.setList("breadcrumbs", breadcrumbs.map { View(typed: ["title": .text($0.0), "url": .text(url($0.1))]) })
        if graph.site.baseURL != nil { view.set("feed_url", .text(url(feed ?? Routes.feed))) }
        return view
    }

    private var siteView: View {
        var site = View(typed: [SiteFields.title.key: .text(graph.site.title)])
        site.set(SiteFields.description.key, graph.site.description.map(ViewValue.text))
        site.set(SiteFields.publisher.key, graph.site.publisher.map(ViewValue.text))
        site.set(SiteFields.baseURL.key, graph.site.baseURL.map(ViewValue.text))
        return site
    }

    /// The menu's entries: title, link target, and the folder whose pages it is current on.
    func menuEntries() -> [(title: String, target: String, section: String)] {
        var entries: [(title: String, target: String, section: String)] = [
            (strings.text("home"), Routes.home, ""),
            (strings.text("communities"), Routes.communities, "communities/"),
        ]
        for kind in Routes.siteWideKinds {
            entries.append((strings.text(kind.rawValue), Routes.listPage(Routes.siteList(kind), 1), kind.rawValue + "/"))
        }
        entries.append((strings.text("tags"), Routes.tags, "tags/"))
        for page in graph.pages where page.menu != nil {
            entries.append((page.title, Routes.page(page.slug), page.slug + "/"))
        }
        return entries
    }

    /// Whether the menu entry for `section` is the one this page belongs to.
    func isCurrent(_ section: String) -> Bool {
        section.isEmpty ? path == Routes.home : path.hasPrefix(section)
    }
}

extension ProblemStatus {
    /// Resolved, referred elsewhere, or closed: no longer open in this community's ledger.
    var isSettled: Bool { self == .resolved || self == .referred || self == .closedUnresolved }
}
