import Foundation

/// The cache as the validate stage uses it: file digests by stamp, and parsed records by
/// the digest of everything their parsing depends on. Lookups run on many threads at once;
/// what this build used is collected into the next cache.
final class RecordCache: @unchecked Sendable {
    private let previous: BuildCache
    /// Engine and theme strings: when either changes, every record is parsed again.
    let environment: Digest
    private let lock = NSLock()
    private var files: [String: BuildCache.FileDigest] = [:]
    private var records: [Digest: BuildCache.ParsedRecord] = [:]
    private let startedAt = Date().timeIntervalSince1970
    /// Whether this build learnt anything the previous cache did not hold.
    private var learnt = false

    init(previous: BuildCache, environment: Digest) {
        self.previous = previous
        self.environment = environment
    }

    /// The digest of a file's bytes: from the cache while its stamp is unchanged, read otherwise.
    /// Nil when the file cannot be read or is too large to be content.
    func digest(of file: SourceFile) -> Digest? {
        let key = file.url.path
        if let stamp = file.stamp, let known = previous.files[key], known.stamp == stamp {
            keep(key, known)
            return known.digest
        }
        if let stamp = file.stamp, stamp.size > DocumentReader.maximumSize { return nil }
        guard let data = FileManager.default.contents(atPath: key) else { return nil }
        let digest = data.withUnsafeBytes { DigestBuilder.of(bytes: $0) }
        // A file changed within the last two seconds may change again without its stamp
        // changing (the clock ticks coarsely), so its digest is not kept for next time.
        if let stamp = file.stamp, Double(stamp.modified) / 1e9 < startedAt - 2 {
            keep(key, BuildCache.FileDigest(stamp: stamp, digest: digest))
            lock.withLock { learnt = true }
        }
        return digest
    }

    /// What a record's parse depends on: its place, its bytes and its bundle's file list.
    func key(of source: RecordSource, content: Digest) -> Digest {
        var builder = DigestBuilder("record")
        builder.add(environment)
        builder.add(source.file.path)
        builder.add(content)
        builder.add(source.bundleAssets.count)
        for asset in source.bundleAssets { builder.add(asset.path) }
        return builder.finish()
    }

    /// A record parsed in this build, kept for the next.
    func add(_ key: Digest, _ entry: BuildCache.ParsedRecord) { learn(key, entry) }

    func parsed(_ key: Digest) -> BuildCache.ParsedRecord? {
        guard let entry = previous.records[key] else { return nil }
        store(key, entry)
        return entry
    }

    func store(_ key: Digest, _ entry: BuildCache.ParsedRecord) {
        lock.withLock { records[key] = entry }
    }

    private func learn(_ key: Digest, _ entry: BuildCache.ParsedRecord) {
        lock.withLock {
            records[key] = entry
            learnt = true
        }
    }

    /// Whether the next cache would differ from the previous one in records or file digests.
    var changed: Bool {
        lock.withLock { learnt || records.count != previous.records.count || files.count != previous.files.count }
    }

    private func keep(_ path: String, _ entry: BuildCache.FileDigest) {
        lock.withLock { files[path] = entry }
    }

    /// The cache for the next build: what this build used, plus the given output trees.
    func next(trees: [TreeIdentity: BuildCache.Manifest] = [:]) -> BuildCache {
        var cache = BuildCache(engine: previous.engine)
        lock.withLock {
            cache.files = files
            cache.records = records
        }
        cache.trees = trees
        return cache
    }

    /// The trees the previous build knew.
    var knownTrees: [TreeIdentity: BuildCache.Manifest] { previous.trees }
}
