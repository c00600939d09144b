import BulletinModel
import BulletinSupport
import Foundation

/// A record file (or bundle) found in a community folder, before its text is read. A class:
/// the list of eleven thousand is copied and handed between threads, and a copy is one
/// reference count instead of one per string.
public final class RecordSource: Sendable, Hashable {
    public let kind: RecordKind
    public let community: String
    public let slug: String
    /// The date in the file name, for dated kinds.
    public let fileDate: SimpleDate?
    public let file: SourceFile
    public let bundleAssets: [SourceFile]

    public init(kind: RecordKind, community: String, slug: String, fileDate: SimpleDate?, file: SourceFile, bundleAssets: [SourceFile]) {
        (self.kind, self.community, self.slug, self.fileDate, self.file, self.bundleAssets) = (kind, community, slug, fileDate, file, bundleAssets)
    }

    public static func == (a: RecordSource, b: RecordSource) -> Bool {
        (a.kind, a.community, a.slug, a.fileDate, a.file, a.bundleAssets) == (b.kind, b.community, b.slug, b.fileDate, b.file, b.bundleAssets)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(community)
        hasher.combine(slug)
        hasher.combine(fileDate)
        hasher.combine(file)
        hasher.combine(bundleAssets)
    }
}

public struct CommunitySource: Sendable, Hashable {
    public let id: String
    public let profile: SourceFile
}

/// Everything the content folder holds, classified by role: the output of the load stage.
public struct ContentInventory: Sendable {
    public var site: SourceFile?
    public var pages: [(slug: String, file: SourceFile)] = []
    public var communities: [CommunitySource] = []
    public var records: [RecordSource] = []
    public var media: [SourceFile] = []
}

extension ContentInventory {
    /// site.yml, the free pages and the community profiles: what every page may show.
    public var profileFiles: [SourceFile] {
        (site.map { [$0] } ?? []) + pages.map(\.file) + communities.map(\.profile)
    }
}
