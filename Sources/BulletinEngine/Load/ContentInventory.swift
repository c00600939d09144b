import Foundation

/// A file found in the content folder, named by its path relative to that folder.
public struct SourceFile: Sendable, Hashable {
    public let path: String
    /// Where it is on disk: kept as a path, which every read and cache lookup uses.
    public let location: String
    /// What the file system said of it when the folder was scanned, to tell it unchanged.
    public var stamp: FileStamp? = nil

    public var url: URL { URL(fileURLWithPath: location) }

    public init(path: String, url: URL, stamp: FileStamp? = nil) {
        self.init(path: path, location: url.path, stamp: stamp)
    }

    init(path: String, location: String, stamp: FileStamp?) {
        self.path = path
        self.location = location
        self.stamp = stamp
    }
}

/// Size, times and identity of a file: when all are as before, so is the file.
public struct FileStamp: Sendable, Hashable {
    public var size: Int
    public var modified: Int
    public var changed: Int
    public var inode: UInt64
    public var device: UInt64

    init(_ info: stat) {
        size = Int(info.st_size)
        modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        changed = Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
        device = UInt64(info.st_dev)
    }

    init?(of url: URL) {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        self.init(info)
    }

    public init(size: Int, modified: Int, changed: Int, inode: UInt64, device: UInt64) {
        (self.size, self.modified, self.changed, self.inode, self.device) = (size, modified, changed, inode, device)
    }
}

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

    init(kind: RecordKind, community: String, slug: String, fileDate: SimpleDate?, file: SourceFile, bundleAssets: [SourceFile]) {
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
    var profileFiles: [SourceFile] {
        (site.map { [$0] } ?? []) + pages.map(\.file) + communities.map(\.profile)
    }
}
