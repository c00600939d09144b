extension BuildCache {
    /// The fingerprint of every file in one output tree. Kept as the paths' bytes, their
    /// digest, and the fingerprints in the same order: a build with the same pages as the tree,
    /// which is almost every build, compares fingerprints by position and hashes no path.
    struct Manifest: Sendable, Equatable {
        /// The paths as `BinaryWriter` strings, one after another.
        let pathBytes: [UInt8]
        let pathsDigest: Digest
        let fingerprints: [Digest]

        init(paths: [String], fingerprints: [Digest]) {
            var w = BinaryWriter(capacity: paths.count * 48)
            for path in paths { w.string(path) }
            self.init(pathBytes: w.bytes, fingerprints: fingerprints)
        }

        init(pathBytes: [UInt8], fingerprints: [Digest]) {
            self.pathBytes = pathBytes
            self.pathsDigest = pathBytes.withUnsafeBytes { DigestBuilder.of(bytes: $0) }
            self.fingerprints = fingerprints
        }

        static let empty = Manifest(paths: [], fingerprints: [])

        var count: Int { fingerprints.count }

        /// Whether the two list the same paths in the same order.
        func samePaths(as other: Manifest) -> Bool {
            count == other.count && pathsDigest == other.pathsDigest
        }

        static func == (a: Manifest, b: Manifest) -> Bool {
            a.samePaths(as: b) && a.fingerprints == b.fingerprints
        }

        /// The paths, decoded; needed only when two builds' pages differ.
        var paths: [String] {
            var reader = BinaryReader(pathBytes)
            return (0..<count).compactMap { _ in try? reader.string() }
        }

        /// For each of `other`'s paths, the fingerprint this manifest has for it, if any.
        func fingerprints(alignedWith other: Manifest) -> [Digest?] {
            if samePaths(as: other) { return fingerprints.map { $0 } }
            let byPath = Dictionary(zip(paths, fingerprints), uniquingKeysWith: { first, _ in first })
            return other.paths.map { byPath[$0] }
        }

        func write(to w: inout BinaryWriter) {
            w.int(count)
            w.int(pathBytes.count)
            w.append(pathBytes[...])
            for fingerprint in fingerprints { w.digest(fingerprint) }
        }

        init(from r: inout BinaryReader) throws(BinaryReader.Damaged) {
            let count = try r.count()
            let pathBytes = try r.copyBytes(r.count())
            var fingerprints: [Digest] = []
            fingerprints.reserveCapacity(count)
            for _ in 0..<count { fingerprints.append(try r.digest()) }
            // The paths are checked to be `count` strings that fill the bytes exactly, without
            // making them strings: most builds never need them.
            var paths = BinaryReader(pathBytes)
            for _ in 0..<count { _ = try paths.skip(try paths.count()) }
            guard paths.atEnd else { throw BinaryReader.Damaged() }
            self.init(pathBytes: pathBytes, fingerprints: fingerprints)
        }
    }
}
