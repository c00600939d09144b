extension BuildCache {
    /// A build's output paths in job order, kept as their bytes and a digest of them: two
    /// builds with the same pages, which is almost every pair, are told apart by the digest
    /// and no path is hashed.
    struct PathList: Sendable, Equatable {
        /// The paths as `BinaryWriter` strings, one after another.
        let bytes: [UInt8]
        let digest: Digest
        let count: Int

        init(_ paths: [String]) {
            var w = BinaryWriter(capacity: paths.count * 48)
            for path in paths { w.string(path) }
            self.init(bytes: w.bytes, count: paths.count)
        }

        init(bytes: [UInt8], count: Int) {
            self.bytes = bytes
            self.digest = bytes.withUnsafeBytes { DigestBuilder.of(bytes: $0) }
            self.count = count
        }

        static func == (a: PathList, b: PathList) -> Bool { a.count == b.count && a.digest == b.digest }

        /// The paths, decoded; needed only when two builds' pages differ.
        var paths: [String] {
            var reader = BinaryReader(bytes)
            return (0..<count).compactMap { _ in try? reader.string() }
        }
    }

    /// The fingerprint of every file in one output tree, in the order of its path list.
    struct Manifest: Sendable, Equatable {
        let paths: PathList
        let fingerprints: [Digest]

        static let empty = Manifest(paths: PathList([]), fingerprints: [])

        var count: Int { fingerprints.count }

        /// For each of `other`'s paths, the fingerprint this manifest has for it, if any.
        func fingerprints(alignedWith other: PathList) -> [Digest?] {
            if paths == other { return fingerprints.map { $0 } }
            let byPath = Dictionary(zip(paths.paths, fingerprints), uniquingKeysWith: { first, _ in first })
            return other.paths.map { byPath[$0] }
        }

        func write(to w: inout BinaryWriter) {
            w.int(paths.count)
            w.int(paths.bytes.count)
            w.append(paths.bytes[...])
            w.digests(fingerprints)
        }

        init(paths: PathList, fingerprints: [Digest]) {
            self.paths = paths
            self.fingerprints = fingerprints
        }

        init(from r: inout BinaryReader) throws(BinaryReader.Damaged) {
            let count = try r.count()
            let length = try r.count()
            // The paths are checked to be `count` strings that fill the bytes exactly, without
            // making them strings: most builds never need them.
            let start = r.offset
            for _ in 0..<count { _ = try r.skip(try r.count()) }
            guard r.offset == start + length else { throw BinaryReader.Damaged() }
            let bytes = try r.bytes(start..<start + length)
            self.init(paths: PathList(bytes: bytes, count: count), fingerprints: try r.digests(count))
        }
    }
}
