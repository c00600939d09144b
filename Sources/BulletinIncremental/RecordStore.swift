import BulletinContent
import BulletinModel
import BulletinOutput
import BulletinRender
import BulletinSite
import BulletinSupport
import Foundation

/// The build cache's records live in a file of their own beside the state (`state.records`),
/// in segments that are only ever added at its end: a build that parsed a few records appends
/// them instead of writing ten megabytes again. The state names the file (device and inode),
/// its segments with a checksum each, and where each record lies. Once a quarter of the file
/// is records no build uses any more, or it has many segments, it is written afresh.
public struct RecordStore: Sendable, Equatable {
    public struct Segment: Sendable, Equatable {
        public var range: Range<Int>
        public var checksum: Digest
    }

    public var device: UInt64
    public var inode: UInt64
    /// In the order they were written, which is the order they lie in the file.
    public var segments: [Segment]

    public static let maximumSegments = 64

    public static func file(beside state: URL) -> URL {
        state.deletingLastPathComponent().appendingPathComponent(state.lastPathComponent + ".records")
    }

    /// The file mapped, when it is still the one described and every segment reads back as
    /// it was written; nil otherwise, which only costs the records being parsed again.
    public func open(_ file: URL) -> SharedBytes? {
        guard let bytes = SharedBytes(mappingFileAt: file.path), bytes.device == device, bytes.inode == inode else { return nil }
        for segment in segments {
            guard segment.range.lowerBound >= 0, segment.range.upperBound <= bytes.count else { return nil }
            var digest = StreamDigest()
            digest.add(UnsafeRawBufferPointer(bytes[buffer: segment.range]))
            guard digest.finish() == segment.checksum else { return nil }
        }
        return bytes
    }

    /// Whether `range` lies within one segment.
    public func covers(_ range: Range<Int>) -> Bool {
        var low = 0, high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if segments[middle].range.lowerBound <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        return low > 0 && range.upperBound <= segments[low - 1].range.upperBound
    }

    public func write(to w: inout BinaryWriter) {
        w.int(Int(bitPattern: UInt(device)))
        w.int(Int(bitPattern: UInt(inode)))
        w.array(segments) { w, segment in
            w.int(segment.range.lowerBound)
            w.int(segment.range.count)
            w.digest(segment.checksum)
        }
    }

    public init(device: UInt64, inode: UInt64, segments: [Segment]) {
        (self.device, self.inode, self.segments) = (device, inode, segments)
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Damaged) {
        device = UInt64(UInt(bitPattern: try r.int()))
        inode = UInt64(UInt(bitPattern: try r.int()))
        segments = try r.array { r throws(BinaryReader.Damaged) in
            // Offsets into the records file, not counts of the bytes left in the state.
            let start = try r.int(), length = try r.int()
            guard start >= 0, length >= 0, start <= Int.max - length else { throw BinaryReader.Damaged() }
            return Segment(range: start..<start + length, checksum: try r.digest())
        }
        guard zip(segments, segments.dropFirst()).allSatisfy({ $0.range.upperBound <= $1.range.lowerBound }) else {
            throw BinaryReader.Damaged()
        }
    }
}

/// Writes the records a cache keeps into its records file: `kept` are ranges of `storage`, the
/// file `previous` describes; `new` are encoded here. Appended as a segment while the file is
/// mostly records in use; otherwise written to a new file, which `CacheFileWriter.finish`
/// puts in place just before the state that describes it.
public struct RecordStoreWriter {
    public let file: URL
    public let temporary: URL

    public struct Written {
        public var store: RecordStore
        public var ranges: [(key: Digest, range: Range<Int>)]
        /// Set when the records went to a new file, to be renamed over `file`.
        public var pending: URL?
    }

    public func write(kept: [(key: Digest, range: Range<Int>)], from storage: SharedBytes, previous: RecordStore?,
               new: [(key: Digest, entry: ParsedRecord)]) throws -> Written {
        let live = kept.reduce(0) { $0 + $1.range.count }
        if let previous, previous.segments.count < RecordStore.maximumSegments, live * 4 >= storage.count * 3,
           let appended = try append(new, to: previous) {
            return Written(store: appended.store, ranges: kept + appended.ranges)
        }
        return try rewrite(kept: kept, from: storage, new: new)
    }

    /// Nil when the file is no longer the one `previous` describes.
    private func append(_ new: [(key: Digest, entry: ParsedRecord)], to previous: RecordStore) throws -> Written? {
        let descriptor = Foundation.open(file.path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, UInt64(info.st_dev) == previous.device, UInt64(info.st_ino) == previous.inode else { return nil }
        // After whatever is there: a build that failed may have left bytes no state names.
        let start = Int(info.st_size)
        var segment = BinaryWriter()
        var ranges: [(key: Digest, range: Range<Int>)] = []
        for (key, entry) in new {
            let offset = segment.bytes.count
            entry.write(to: &segment)
            ranges.append((key, start + offset..<start + segment.bytes.count))
        }
        var store = previous
        guard !segment.bytes.isEmpty else { return Written(store: store, ranges: ranges) }
        try segment.bytes.withUnsafeBytes { try FileWriter.writeAll($0, to: descriptor, at: start) }
        var checksum = StreamDigest()
        checksum.add(segment.bytes)
        store.segments.append(RecordStore.Segment(range: start..<start + segment.bytes.count, checksum: checksum.finish()))
        return Written(store: store, ranges: ranges)
    }

    private func rewrite(kept: [(key: Digest, range: Range<Int>)], from storage: SharedBytes,
                         new: [(key: Digest, entry: ParsedRecord)]) throws -> Written {
        let descriptor = Foundation.open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        do {
            var output = CacheOutput(descriptor: descriptor)
            var ranges: [(key: Digest, range: Range<Int>)] = []
            ranges.reserveCapacity(kept.count + new.count)
            // In the order they lay in: the old file is read from start to end.
            for (key, range) in kept.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
                let offset = output.position
                output.writer.append(UnsafeRawBufferPointer(storage[buffer: range]))
                ranges.append((key, offset..<offset + range.count))
                try output.flushIfFull()
            }
            for (key, entry) in new {
                let offset = output.position
                entry.write(to: &output.writer)
                ranges.append((key, offset..<output.position))
                try output.flushIfFull()
            }
            try output.flush()
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            close(descriptor)
            let segments = output.position == 0 ? [] : [RecordStore.Segment(range: 0..<output.position, checksum: output.digest.finish())]
            return Written(store: RecordStore(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), segments: segments),
                           ranges: ranges, pending: temporary)
        } catch {
            close(descriptor)
            unlink(temporary.path)
            throw error
        }
    }
}
