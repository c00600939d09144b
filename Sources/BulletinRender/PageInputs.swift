import BulletinModel
import BulletinSite
import Foundation

/// What a page reads, besides what every page shows (the program, the theme, site.yml, the
/// community profiles and free pages, the build's options). A page's fingerprint is made of
/// its inputs and nothing else: whatever its view shows must be declared, beside the view, in
/// `PageJob.inputs(in:_:)` or a `PageType`'s `inputs(in:_:)`.
public enum PageInput {
    case text(String)
    case number(Int)
    /// A record as lists show it: every field but the body, and its summary.
    case listing(Record)
    /// A record's own file, body and all: what its own page shows of it.
    case source(Record)
    /// Every published record, as lists show them.
    case everyRecord
    /// Every record of the community with this id, as lists show them.
    case community(String)
    /// The problems a meeting's page lists, as lists show them.
    case problemsOf(meeting: Record)
    /// The addresses the sitemap lists.
    case sitemapPaths
    /// A file published as it is.
    case file(URL)
}

/// A kind of page beyond the engine's own: where it is published, what it reads and its bytes.
/// The incremental layer renders it again when, and only when, one of its inputs changes.
public protocol PageType: Sendable {
    var outputPath: String { get }
    func inputs(in graph: SiteGraph, _ read: (PageInput) -> Void)
    func bytes(_ renderer: SiteRenderer, path: String) -> [UInt8]
}
