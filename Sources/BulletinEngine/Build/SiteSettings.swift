import BulletinContent
import BulletinModel
import Foundation

/// The site's own settings as site.yml gives them, read on their own: for commands that
/// speak to the people who write the site (its title, its language) even while it does not build.
public enum SiteSettings {
    /// nil when site.yml is missing or does not read; its problems are the build's to report.
    public static func read(content: URL) -> SiteConfig? {
        let siteFile = SourceFile(path: "site.yml", url: content.appendingPathComponent("site.yml"))
        return ProfileParser.site(siteFile, sink: DiagnosticSink())
    }
}
