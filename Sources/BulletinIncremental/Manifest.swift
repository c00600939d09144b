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
        public let digest: Digest
        public let count: Int

        public init(_ paths: [String]) {
            var w = BinaryWriter(capacity: paths.count * 48)
            for path in paths { w.string(path) }
            storage = .made(w.bytes)
            digest = w.bytes.withUnsafeBytes { DigestBuilder.of(bytes: $0) }
            count = paths.count
        }

        /// `digest` as the cache file keeps it (the file's own checksum vouches for it).
        public init(mapped bytes: SharedBytes, range: Range<Int>, count: Int, digest: Digest) {
            (storage, self.count, self.digest) = (.mapped(bytes, range), count, digest)
        }

        public func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
            switch storage {
            case .made(let bytes): bytes.withUnsafeBytes(body)
            case .mapped(let bytes, let range): body(UnsafeRawBufferPointer(bytes[buffer: range]))
            }
        }

        public var byteCount: Int { withBytes(\.count) }

        public static func == (a: PathList, b: PathList) -> Bool { a.count == b.count && a.digest == b.digest }

        /// Where each path's bytes lie in `withBytes`' buffer.
        /// The bytes were checked to be `count` strings when the list was read or made.
        public static func ranges(in bytes: UnsafeRawBufferPointer, count: Int) -> [Range<Int>] {
            var ranges: [Range<Int>] = []
            ranges.reserveCapacity(count)
            var offset = 0
            for _ in 0..<count {
                var (length, shift) = (0, 0)
                while offset < bytes.count {
                    let byte = bytes[offset]
                    offset += 1
                    length |= Int(byte & 0x7F) << shift
                    if byte < 0x80 { break }
                    shift += 7
                }
                let end = min(offset + length, bytes.count)
                ranges.append(offset..<end)
                offset = end
            }
            return ranges
        }

        /// The paths, decoded; needed only when two builds' pages differ.
        public var paths: [String] {
            var reader = switch storage {
            case .made(let bytes): BinaryReader(bytes)
            case .mapped(let bytes, let range): BinaryReader(bytes, start: range.lowerBound, end: range.upperBound)
            }
            return (0..<count).compactMap { _ in try? reader.string() }
        }
    }

    /// The fingerprint of every file in one output tree, in the order of its path list, and
    /// the stamp (`TreeStamp`) of every file and folder as the build that wrote it left it.
    public struct Manifest: Sendable {
        public let paths: PathList
        public let fingerprints: [Digest]
        public let shape: TreeShape
        /// By place; `TreeStamp.unknown` where the build did not learn it, which nothing matches.
        public var stamps: [UInt64]
        public var folderStamps: [UInt64]

        public static let empty = Manifest(paths: PathList([]), fingerprints: [], shape: .empty, stamps: [], folderStamps: [])

        public var count: Int { fingerprints.count }

        /// The same pages with the same fingerprints: what a build would write is already there.
        public func hasSamePages(_ paths: PathList, _ fingerprints: [Digest]) -> Bool {
            self.paths == paths && self.fingerprints == fingerprints
        }

        /// For each of `other`'s paths, its place in this manifest, if it has it.
        public func places(alignedWith other: PathList) -> Aligned {
            if paths == other { return Aligned(same: true, byPlace: []) }
            let byPath = Dictionary(zip(paths.paths, 0...), uniquingKeysWith: { first, _ in first })
            return Aligned(same: false, byPlace: other.paths.map { byPath[$0] ?? -1 })
        }

        /// Places in another path list: a manifest's own when the paths are the same (almost
        /// every build), which makes no table.
        public struct Aligned: Sendable {
            public let same: Bool
            public let byPlace: [Int]

            public subscript(place: Int) -> Int? {
                if same { return place }
                let found = byPlace[place]
                return found < 0 ? nil : found
            }
        }

        /// `shared`: the place among the manifests written before of one with the same paths,
        /// which are then not written again (the current tree and the spare mostly share them;
        /// the same paths make the same shape).
        public func write(to w: inout BinaryWriter, sharingPathsOf shared: Int?) {
            if let shared {
                w.int(shared + 1)
            } else {
                w.int(0)
                w.int(paths.count)
                w.digest(paths.digest)
                w.int(paths.byteCount)
                paths.withBytes { w.append($0) }
                shape.write(to: &w)
            }
            w.digests(fingerprints)
            w.words(stamps)
            w.words(folderStamps)
        }

        public init(paths: PathList, fingerprints: [Digest], shape: TreeShape, stamps: [UInt64], folderStamps: [UInt64]) {
            (self.paths, self.fingerprints, self.shape) = (paths, fingerprints, shape)
            (self.stamps, self.folderStamps) = (stamps, folderStamps)
        }

        /// `earlier`: the manifests read before this one, in order.
        public init(from r: inout BinaryReader, earlier: [Manifest]) throws(BinaryReader.Damaged) {
            let shared = try r.int()
            let (paths, shape): (PathList, TreeShape)
            if shared > 0 {
                guard shared <= earlier.count else { throw BinaryReader.Damaged() }
                (paths, shape) = (earlier[shared - 1].paths, earlier[shared - 1].shape)
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
                shape = try TreeShape(from: &r, paths: paths)
            }
            self.init(paths: paths, fingerprints: try r.digests(paths.count), shape: shape,
                      stamps: try r.words(paths.count), folderStamps: try r.words(shape.folderCount))
        }
    }
}

extension BuildCache {
    /// A stamp learned once the pages were written, for a manifest the cache's state holds
    /// from before (see `TreeUpdate.patches`): the tree's place among those written, and the
    /// place of a file, or the manifest's count plus a folder's number.
    public struct StampPatch: Sendable {
        public let tree: Int
        public let place: Int
        public let word: UInt64
    }

    public static func encoded(patches: [StampPatch]) -> [UInt8] {
        var w = BinaryWriter(capacity: patches.count * 14 + 8)
        w.int(patches.count)
        for patch in patches {
            w.int(patch.tree)
            w.int(patch.place)
            w.word(patch.word)
        }
        return w.bytes
    }

    /// Reads the trees `encoded(trees:last:theme:)` wrote, in order.
    public static func readTrees(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) -> [(tree: TreeIdentity, manifest: Manifest)] {
        var trees: [(tree: TreeIdentity, manifest: Manifest)] = []
        for _ in 0..<(try reader.count()) {
            let tree = TreeIdentity(directory: try reader.stamp(), marker: try reader.stamp())
            trees.append((tree, try Manifest(from: &reader, earlier: trees.map(\.manifest))))
        }
        return trees
    }

    /// Applies the patches that end a state written by a build that wrote pages.
    public static func readPatches(_ reader: inout BinaryReader, into trees: inout [(tree: TreeIdentity, manifest: Manifest)]) throws(BinaryReader.Damaged) {
        for _ in 0..<(try reader.count()) {
            let tree = try reader.int(), place = try reader.int(), word = try reader.word()
            guard tree >= 0, tree < trees.count, place >= 0 else { throw BinaryReader.Damaged() }
            let count = trees[tree].manifest.count
            if place < count {
                trees[tree].manifest.stamps[place] = word
            } else {
                guard place - count < trees[tree].manifest.folderStamps.count else { throw BinaryReader.Damaged() }
                trees[tree].manifest.folderStamps[place - count] = word
            }
        }
    }
}

extension BinaryWriter {
    /// Words one after another, as `digests` writes digests.
    public mutating func words(_ values: [UInt64]) {
        values.withUnsafeBytes { append($0) }
    }
}

extension BinaryReader {
    public mutating func words(_ count: Int) throws(Damaged) -> [UInt64] {
        let bytes = UnsafeRawBufferPointer(storage[buffer: try skip(count * 8)])
        return (0..<count).map { bytes.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self) }
    }
}
