import BulletinContent
import BulletinModel
import BulletinOutput
import BulletinRender
import BulletinSite
import BulletinSupport
import Foundation

/// What one build leaves for the next, kept in `.<output>.cache/state` beside the output:
/// the digest of every file read, every record as parsed (in `state.records`, see
/// `RecordStore`), and for each output tree the fingerprint of every file in it. A missing,
/// damaged or foreign cache is dropped whole (its records file on its own), so it can only
/// cost time, never change what a build produces.
public struct BuildCache: Sendable {
    /// The digest of a file's bytes, valid while its stamp is unchanged.
    public struct FileDigest: Sendable {
        public var stamp: FileStamp
        public var digest: Digest
    }

    /// The build that made the output: when its inputs are the same again, nothing is done.
    public struct LastBuild: Sendable, Equatable {
        public var inputs: Digest
        /// Every input's location and stamp (`Builder.stamps`): equal, the build stops before reading a file.
        public var stamps: Digest?
        /// The theme's templates, all of which swift-mustache read without an error.
        public var templates: Digest
        public var tree: TreeIdentity
        public var files: Int
        public var warnings: [Diagnostic]

        public init(inputs: Digest, stamps: Digest? = nil, templates: Digest, tree: TreeIdentity, files: Int, warnings: [Diagnostic]) {
            self.inputs = inputs
            self.stamps = stamps
            self.templates = templates
            self.tree = tree
            self.files = files
            self.warnings = warnings
        }
    }

    public static let formatVersion = 18
    /// Changes with the program: a new build of bulletin starts with an empty cache.
    public let engine: Digest
    /// By the digest of the file's location: reading and writing the cache makes no string
    /// and hashes sixteen bytes per file instead of a path.
    public var files: [Digest: FileDigest] = [:]
    /// Records parsed by this build.
    public var records: [Digest: ParsedRecord] = [:]
    /// Records as read from disk, by where their bytes lie in `storage`: decoded only when a
    /// build asks for one, by the validate stage on every core, not while the folder is
    /// scanned; left where they lie when the cache is written again.
    public var storedRecords: [Digest: Range<Int>] = [:]
    /// The records file, mapped, and what the state says of it.
    private var storage = SharedBytes(copying: [])
    private var store: RecordStore?
    public var trees: [TreeIdentity: Manifest] = [:]
    /// The records this build used, in its inventory's order: new records are written in it,
    /// so the next build, which asks for them in that order, reads the records file from start
    /// to end rather than all over (written as the dictionary listed them, every record cost
    /// a trip to memory). Not kept in the file.
    public var recordOrder: [Digest] = []
    public var last: LastBuild?
    public var theme: Theme.Loaded?

    public init(engine: Digest) { self.engine = engine }

    /// The key a file's digest is kept under.
    public static func fileKey(_ location: String) -> Digest {
        var builder = DigestBuilder()
        builder.add(location)
        return builder.finish()
    }

    public static func empty() -> BuildCache { BuildCache(engine: Engine.digest) }

    // MARK: Reading and writing

    public static func load(from file: URL) -> BuildCache {
        guard let bytes = SharedBytes(mappingFileAt: file.path), var reader = BinaryReader(checked: bytes) else { return empty() }
        do throws(BinaryReader.Damaged) {
            guard try reader.string() == "bulletin-cache", try reader.int() == formatVersion,
                  try reader.digest() == Engine.digest else { return empty() }
            var cache = empty()
            let fileCount = try reader.count()
            cache.files.reserveCapacity(fileCount)
            for _ in 0..<fileCount {
                let location = try reader.digest()
                cache.files[location] = FileDigest(stamp: try reader.stamp(), digest: try reader.digest())
            }
            let store = try reader.optional { r throws(BinaryReader.Damaged) in try RecordStore(from: &r) }
            let recordCount = try reader.count()
            var records: [Digest: Range<Int>] = Dictionary(minimumCapacity: recordCount)
            for _ in 0..<recordCount {
                // Offsets into the records file, not counts of the bytes left here.
                let key = try reader.digest(), start = try reader.int(), length = try reader.int()
                guard start >= 0, length >= 0, start <= Int.max - length else { throw BinaryReader.Damaged() }
                records[key] = start..<start + length
            }
            if let store, let bytes = store.open(RecordStore.file(beside: file)),
               records.values.allSatisfy({ $0.upperBound <= bytes.count && store.covers($0) }) {
                (cache.storedRecords, cache.storage, cache.store) = (records, bytes, store)
            }
            var trees = try readTrees(&reader)
            cache.last = try reader.optional { r throws(BinaryReader.Damaged) in
                LastBuild(inputs: try r.digest(), stamps: try r.optional { r throws(BinaryReader.Damaged) in try r.digest() }, templates: try r.digest(), tree: TreeIdentity(directory: try r.stamp(), marker: try r.stamp()),
                          files: try r.int(), warnings: try r.array { r throws(BinaryReader.Damaged) in try Diagnostic(from: &r) })
            }
            cache.theme = try reader.optional { r throws(BinaryReader.Damaged) in
                Theme.Loaded(stringsKey: try r.digest(), strings: try ThemeStrings(from: &r),
                            templatesKey: try r.digest(), compiled: try CompiledTemplates(from: &r))
            }
            if !reader.atEnd { try readPatches(&reader, into: &trees) }
            guard reader.atEnd else { return empty() }
            cache.trees = Dictionary(trees.map { ($0.tree, $0.manifest) }, uniquingKeysWith: { first, _ in first })
            return cache
        } catch {
            return empty()
        }
    }

    /// The record kept under `key`, decoded from its bytes if it was read from disk. A record
    /// whose bytes do not decode is treated as not kept.
    /// `origin`, when given, is the file the key was made from (`RecordCache.key`): the
    /// record's kind, community, slug and path are its own and are taken from it.
    public func record(_ key: Digest, origin: RecordSource? = nil) -> ParsedRecord? {
        // Records parsed by this build are few or none: most builds hash no key to look.
        if !records.isEmpty, let parsed = records[key] { return parsed }
        guard let range = storedRecords[key] else { return nil }
        var reader = BinaryReader(storage, start: range.lowerBound, end: range.upperBound)
        guard let entry = try? ParsedRecord(from: &reader, key: key, origin: origin), reader.atEnd else { return nil }
        return entry
    }

    public var recordCount: Int { records.count + storedRecords.count }

    /// Keeps only the records under `keys`.
    public mutating func keepRecords(_ keys: Set<Digest>) {
        records = records.filter { keys.contains($0.key) }
        storedRecords = storedRecords.filter { keys.contains($0.key) }
    }

    /// Written to a temporary file and renamed over the old one, so a killed build leaves
    /// either the old cache or the new one.
    public func save(to file: URL) throws {
        try CacheFileWriter(file: file) { [self] in try writeContent(to: &$0) }.finish(with: Self.encoded(trees: Array(trees), last: last, theme: theme))
    }

    /// The records parsed by this build, in `recordOrder`, then any it does not name.
    private func newRecordsInOrder() -> [(key: Digest, entry: ParsedRecord)] {
        var ordered: [(key: Digest, entry: ParsedRecord)] = []
        ordered.reserveCapacity(records.count)
        for key in recordOrder { if let entry = records[key] { ordered.append((key, entry)) } }
        guard ordered.count < records.count else { return ordered }
        let named = Set(recordOrder)
        return ordered + records.filter { !named.contains($0.key) }.map { ($0.key, $0.value) }
    }

    /// Everything but the trees: this part is known once the validate stage is done.
    public func writeContent(to output: inout CacheOutput) throws {
        output.writer.string("bulletin-cache")
        output.writer.int(Self.formatVersion)
        output.writer.digest(engine)
        output.writer.int(files.count)
        for (location, entry) in files {
            output.writer.digest(location)
            output.writer.stamp(entry.stamp)
            output.writer.digest(entry.digest)
            try output.flushIfFull()
        }
        var kept: [(key: Digest, range: Range<Int>)] = []
        kept.reserveCapacity(storedRecords.count)
        for (key, range) in storedRecords where records[key] == nil { kept.append((key, range)) }
        guard let writer = output.records else { throw POSIXError(.EINVAL) }
        let written = try writer.write(kept: kept, from: storage, previous: store, new: newRecordsInOrder())
        output.pendingRecords = written.pending
        output.writer.optional(written.store) { $1.write(to: &$0) }
        output.writer.int(written.ranges.count)
        for (key, range) in written.ranges {
            output.writer.digest(key)
            output.writer.int(range.lowerBound)
            output.writer.int(range.count)
            try output.flushIfFull()
        }
    }

    /// `trees` in the order `StampPatch` counts them.
    public static func encoded(trees: [(TreeIdentity, Manifest)], last: LastBuild?, theme: Theme.Loaded?) -> [UInt8] {
        // Sized once: two manifests of a large site are megabytes, and growing by doubling
        // copied them and touched twice the memory.
        var w = BinaryWriter(capacity: trees.reduce(4_096) { $0 + $1.1.paths.byteCount + $1.1.count * 40 + $1.1.shape.folderCount * 20 + 128 })
        w.int(trees.count)
        var written: [PathList] = []
        for (tree, manifest) in trees {
            w.stamp(tree.directory)
            w.stamp(tree.marker)
            manifest.write(to: &w, sharingPathsOf: written.firstIndex(of: manifest.paths))
            written.append(manifest.paths)
        }
        w.optional(last) { w, last in
            w.digest(last.inputs)
            w.optional(last.stamps) { $0.digest($1) }
            w.digest(last.templates)
            w.stamp(last.tree.directory)
            w.stamp(last.tree.marker)
            w.int(last.files)
            w.array(last.warnings) { w, d in d.write(to: &w) }
        }
        w.optional(theme) { w, theme in
            w.digest(theme.stringsKey)
            theme.strings.write(to: &w)
            w.digest(theme.templatesKey)
            theme.compiled.write(to: &w)
        }
        return w.bytes
    }
}

/// An output tree as the file system knows it: its folder and its marker file. Trees are
/// swapped by renaming, which keeps both; rewriting the marker gives a tree a new identity,
/// which is how a tree about to be changed loses its old manifest.
public struct TreeIdentity: Hashable, Sendable {
    public var directory: FileStamp
    public var marker: FileStamp

    public init(directory: FileStamp, marker: FileStamp) {
        self.directory = directory
        self.marker = marker
    }

    public init?(of folder: URL) {
        var folderInfo = stat(), markerInfo = stat()
        guard lstat(folder.path, &folderInfo) == 0, folderInfo.st_mode & S_IFMT == S_IFDIR,
              lstat(folder.appendingPathComponent(OutputFolder.marker).path, &markerInfo) == 0 else { return nil }
        var directory = FileStamp(folderInfo)
        // A folder's times change whenever a file in it does; only its identity matters here.
        directory.size = 0
        directory.modified = 0
        directory.changed = 0
        self.init(directory: directory, marker: FileStamp(markerInfo))
    }
}

/// The running program, as far as the cache cares: its version and the executable file.
public enum Engine {
    public static let version = "0.3.0"

    public static let digest: Digest = {
        var builder = DigestBuilder("bulletin \(version)")
        var info = stat()
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        if stat(executable, &info) == 0 {
            let stamp = FileStamp(info)
            builder.add(stamp.size)
            builder.add(stamp.modified)
            builder.add(Int(bitPattern: UInt(stamp.inode)))
        }
        return builder.finish()
    }()
}

extension BinaryWriter {
    public mutating func stamp(_ s: FileStamp) {
        int(s.size)
        int(s.modified)
        int(s.changed)
        int(Int(bitPattern: UInt(s.inode)))
        int(Int(bitPattern: UInt(s.device)))
    }
}

extension BinaryReader {
    public mutating func stamp() throws(Damaged) -> FileStamp {
        FileStamp(size: try int(), modified: try int(), changed: try int(),
                  inode: UInt64(UInt(bitPattern: try int())), device: UInt64(UInt(bitPattern: try int())))
    }
}
