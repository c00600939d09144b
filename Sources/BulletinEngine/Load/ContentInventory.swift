import Foundation

/// A file found in the content folder, named by its path relative to that folder.
public struct SourceFile: Sendable, Hashable {
    public let path: String
    public let url: URL
}

/// A record file (or bundle) found in a community folder, before its text is read.
public struct RecordSource: Sendable, Hashable {
    public let kind: RecordKind
    public let community: String
    public let slug: String
    /// The date in the file name, for dated kinds.
    public let fileDate: SimpleDate?
    public let file: SourceFile
    public let bundleAssets: [SourceFile]
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
