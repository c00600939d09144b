import BulletinContent
import BulletinModel
import BulletinOutput
import BulletinRender
import BulletinSite
import BulletinSupport
import Foundation

/// The cache as the validate stage uses it: file digests by stamp, and parsed records by
/// the digest of everything their parsing depends on. Lookups run on many threads at once;
/// what this build used is collected into the next cache.
public final class RecordCache: RecordMemo, @unchecked Sendable {
    private let previous: BuildCache
    /// Engine and theme strings: when either changes, every record is parsed again.
    public let environment: Digest
    private let lock = NSLock()
    /// What this build found that the previous cache did not hold; hits take no lock.
    private var newFiles: [Digest: BuildCache.FileDigest] = [:]
    private var newRecords: [Digest: ParsedRecord] = [:]
    private let startedAt = Date().timeIntervalSince1970

    public init(previous: BuildCache, environment: Digest) {
        self.previous = previous
        self.environment = environment
    }

    /// The digest of a file's bytes: from the cache while its stamp is unchanged, read otherwise.
    /// Nil when the file cannot be read or is too large to be content.
    public func digest(of file: SourceFile) -> Digest? { contents(of: file).digest }

    /// The digest, and the bytes when they had to be read to work it out, so a file that is
    /// parsed next is not read twice.
    public func contents(of file: SourceFile) -> (digest: Digest?, bytes: [UInt8]?) {
        let key = BuildCache.fileKey(file.location)
        if let stamp = file.stamp, let known = previous.files[key], known.stamp == stamp { return (known.digest, nil) }
        if let stamp = file.stamp, stamp.size > DocumentReader.maximumSize { return (nil, nil) }
        guard let bytes = FileReader.bytes(atPath: file.location) else { return (nil, nil) }
        let digest = bytes.withUnsafeBytes { DigestBuilder.of(bytes: $0) }
        // A file changed within the last two seconds may change again without its stamp
        // changing (the clock ticks coarsely), so its digest is not kept for next time.
        if let stamp = file.stamp, Double(stamp.modified) / 1e9 < startedAt - 2 {
            lock.withLock { newFiles[key] = BuildCache.FileDigest(stamp: stamp, digest: digest) }
        }
        return (digest, bytes)
    }

    /// What a record's parse depends on: its place, its bytes and its bundle's file list.
    public func key(of source: RecordSource, content: Digest) -> Digest {
        var builder = DigestBuilder("record")
        builder.add(environment)
        builder.add(source.file.path)
        builder.add(content)
        builder.add(source.bundleAssets.count)
        for asset in source.bundleAssets { builder.add(asset.path) }
        return builder.finish()
    }

    /// The record parsed from `source` with the inputs `key` stands for, if the cache has it.
    public func parsed(_ key: Digest, from source: RecordSource) -> ParsedRecord? { previous.record(key, origin: source) }

    public func remember(_ record: Record, key: Digest, warnings: [Diagnostic], bodyProblems: [Diagnostic], summary: String?) -> Record {
        let kept = record.madeFrom(Record.Provenance(source: key, listing: record.listingDigest(summary: summary)))
        if !warnings.contains(where: { $0.severity == .error }) {
            let entry = ParsedRecord(record: kept, warnings: warnings, bodyProblems: bodyProblems,
                                                summary: summary.map(RenderedBodies.Summary.text))
            lock.withLock { newRecords[key] = entry }
        }
        return kept
    }

    /// Whether the next cache would hold anything the previous one did not.
    public var changed: Bool { lock.withLock { !newFiles.isEmpty || !newRecords.isEmpty } }

    /// The cache for the next build: the previous one with what this build learnt. Entries
    /// this build did not use are dropped once they are more than a tenth of the cache.
    /// `usedRecords` and `usedFiles` are made sets only when there is something to prune (a
    /// file reached twice through a link only makes pruning start a little later); the files'
    /// locations are listed only then.
    public func next(usedRecords: [Digest], usedFileCount: Int, usedFiles: () -> [String]) -> BuildCache {
        var cache = previous
        cache.trees = [:]
        cache.last = nil
        cache.recordOrder = usedRecords
        lock.withLock {
            cache.files.merge(newFiles) { _, new in new }
            cache.records.merge(newRecords) { _, new in new }
        }
        if cache.recordCount > usedRecords.count + max(100, usedRecords.count / 10) {
            cache.keepRecords(Set(usedRecords))
        }
        if cache.files.count > usedFileCount + max(100, usedFileCount / 10) {
            let used = Set(usedFiles().map(BuildCache.fileKey))
            cache.files = cache.files.filter { used.contains($0.key) }
        }
        return cache
    }
}
