import BulletinContent
import BulletinModel
import Foundation

/// The site's own settings as site.yml gives them, read on their own: for commands that
/// speak to the people who write the site (its title, its language) even while it does not build.
public enum SiteSettings {
    /// nil when site.yml is missing or does not read; its problems are the build's to report.
    public static func read(content: URL) -> SiteConfig? {
        ProfileParser.site(siteFile(in: content), sink: DiagnosticSink())
    }

    /// The language to give diagnostics in: `choice` when given (`--diagnostics-language`),
    /// else the site's `language`, read even when other fields of site.yml are wrong; English
    /// when site.yml cannot be read.
    public static func diagnosticsLanguage(content: URL, choice: String? = nil) -> DiagnosticLanguage {
        guard let tag = choice ?? ProfileParser.language(siteFile(in: content)) else { return .english }
        return DiagnosticLanguage(siteLanguage: tag)
    }

    private static func siteFile(in content: URL) -> SourceFile {
        SourceFile(path: "site.yml", url: content.appendingPathComponent("site.yml"))
    }
}
