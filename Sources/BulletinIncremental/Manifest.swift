import BulletinContent
import BulletinModel
import BulletinOutput
import BulletinRender
import BulletinSite
import BulletinSupport

extension BuildCache {
    /// A build's output paths in job order, kept as their bytes and a digest of them: two
    /// builds with the same pages, which is almost every pair, are told apart by the digest
    /// and no path is hashed.
    public struct PathList: Sendable, Equatable {
        /// The paths as `BinaryWriter` strings, one after another: made by this build, or where
        /// they lie in the cache file, which is mapped and not copied.
        private enum Storage {
            case made([UInt8])
            case mapped(SharedBytes, Range<Int>)
        }
        private let storage: Storage
        let digest: Digest
        let count: Int

        public init(_ paths: [String]) {
            var w = BinaryWriter(capacity: paths.count * 48)
            for path in paths { w.string(path) }
            storage = .made(w.bytes)
            digest = w.bytes.withUnsafeBytes { DigestBuilder.of(bytes: $0) }
            count = paths.count
        }

        /// `digest` as the cache file keeps it (the file's own checksum vouches for it).
        init(mapped bytes: SharedBytes, range: Range<Int>, count: Int, digest: Digest) {
            (storage, self.count, self.digest) = (.mapped(bytes, range), count, digest)
        }

        func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
            switch storage {
            case .made(let bytes): bytes.withUnsafeBytes(body)
            case .mapped(let bytes, let range): body(UnsafeRawBufferPointer(bytes[buffer: range]))
            }
        }

        var byteCount: Int { withBytes(\.count) }

        public static func == (a: PathList, b: PathList) -> Bool { a.count == b.count && a.digest == b.digest }

        /// The paths, decoded; needed only when two builds' pages differ.
        var paths: [String] {
            var reader = switch storage {
            case .made(let bytes): BinaryReader(bytes)
            case .mapped(let bytes, let range): BinaryReader(bytes, start: range.lowerBound, end: range.upperBound)
            }
            return (0..<count).compactMap { _ in try? reader.string() }
        }
    }

    /// The fingerprint of every file in one output tree, in the order of its path list.
    public struct Manifest: Sendable, Equatable {
        public let paths: PathList
        let fingerprints: [Digest]

        static let empty = Manifest(paths: PathList([]), fingerprints: [])

        var count: Int { fingerprints.count }

        /// For each of `other`'s paths, the fingerprint this manifest has for it, if any.
        func fingerprints(alignedWith other: PathList) -> Aligned {
            if paths == other { return Aligned(same: fingerprints, byPlace: []) }
            let byPath = Dictionary(zip(paths.paths, fingerprints), uniquingKeysWith: { first, _ in first })
            return Aligned(same: nil, byPlace: other.paths.map { byPath[$0] })
        }

        /// Fingerprints by place in another path list: a manifest's own list when the paths
        /// are the same (almost every build), which is not copied.
        struct Aligned {
            let same: [Digest]?
            let byPlace: [Digest?]

            subscript(place: Int) -> Digest? { same.map { $0[place] } ?? byPlace[place] }
        }

        /// `shared`: the place among the manifests written before of one with the same paths,
        /// which are then not written again (the current tree and the spare mostly share them).
        func write(to w: inout BinaryWriter, sharingPathsOf shared: Int?) {
            if let shared {
                w.int(shared + 1)
            } else {
                w.int(0)
                w.int(paths.count)
                w.digest(paths.digest)
                w.int(paths.byteCount)
                paths.withBytes { w.append($0) }
            }
            w.digests(fingerprints)
        }

        init(paths: PathList, fingerprints: [Digest]) {
            self.paths = paths
            self.fingerprints = fingerprints
        }

        /// `earlier`: the manifests read before this one, in order.
        init(from r: inout BinaryReader, earlier: [Manifest]) throws(BinaryReader.Damaged) {
            let shared = try r.int()
            let paths: PathList
            if shared > 0 {
                guard shared <= earlier.count else { throw BinaryReader.Damaged() }
                paths = earlier[shared - 1].paths
            } else {
                let count = try r.count()
                let digest = try r.digest()
                let length = try r.count()
                // The paths are checked to be `count` strings that fill the bytes exactly, without
                // making them strings: most builds never need them.
                let start = r.offset
                for _ in 0..<count { _ = try r.skip(try r.count()) }
                guard r.offset == start + length else { throw BinaryReader.Damaged() }
                paths = PathList(mapped: r.storage, range: start..<start + length, count: count, digest: digest)
            }
            self.init(paths: paths, fingerprints: try r.digests(paths.count))
        }
    }
}
