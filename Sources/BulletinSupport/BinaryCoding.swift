/// A compact byte format for the build cache: variable-length integers, fixed-size digests
/// and length-prefixed UTF-8, read without parsing text: every build decodes the whole cache.
public struct BinaryWriter {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    public mutating func append(_ raw: ArraySlice<UInt8>) { bytes.append(contentsOf: raw) }

    public mutating func append(_ raw: UnsafeRawBufferPointer) { bytes.append(contentsOf: raw) }

    /// Empties the buffer and keeps its memory for what is written next.
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Seven bits a byte, low first: lengths, counts and line numbers take one or two bytes.
    public mutating func int(_ value: Int) {
        var word = UInt64(bitPattern: Int64(value))
        while word >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: word) | 0x80)
            word >>= 7
        }
        bytes.append(UInt8(word))
    }

    /// Digests are random bits: eight bytes each, as they are.
    public mutating func word(_ value: UInt64) {
        var word = value
        withUnsafeBytes(of: &word) { bytes.append(contentsOf: $0) }
    }

    public mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func digest(_ value: Digest) {
        word(value.high)
        word(value.low)
    }

    /// Digests one after another as `digest` writes them, stored in one pass: a manifest holds
    /// one for every page, too many to append one word at a time.
    public mutating func digests(_ values: [Digest]) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: values.count * 16))
        bytes.withUnsafeMutableBytes { raw in
            for (index, value) in values.enumerated() {
                raw.storeBytes(of: value.high, toByteOffset: start + index * 16, as: UInt64.self)
                raw.storeBytes(of: value.low, toByteOffset: start + index * 16 + 8, as: UInt64.self)
            }
        }
    }

    /// What `write` writes, after its length in four bytes: a reader can pass over it without
    /// decoding it, and decode it later from where it lies.
    public mutating func section(_ write: (inout BinaryWriter) -> Void) {
        let start = bytes.count
        bytes.append(contentsOf: [0, 0, 0, 0])
        write(&self)
        let length = UInt32(bytes.count - start - 4)
        for index in 0..<4 { bytes[start + index] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(index))) }
    }

    /// A case as its position among all cases: no string to make or match when read back.
    public mutating func choice<E: CaseIterable & Equatable>(_ value: E) {
        int(E.allCases.firstIndex(of: value).map { E.allCases.distance(from: E.allCases.startIndex, to: $0) } ?? 0)
    }

    public mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    public mutating func array<T>(_ values: [T], _ write: (inout BinaryWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }
}

/// Reads what `BinaryWriter` wrote. Any inconsistency throws: a damaged cache is discarded,
/// never trusted.
public struct BinaryReader: Sendable {
    public struct Damaged: Error { public init() {} }

    private let bytes: SharedBytes
    /// `bytes.base`, read once: every value read starts from it. It points into `bytes`, which
    /// this reader holds and nothing changes, so it may go to another thread with it.
    private nonisolated(unsafe) let base: UnsafeRawPointer
    public private(set) var offset = 0
    /// Where reading stops: the end of the bytes, or before a trailer read separately.
    private let end: Int

    public init(_ bytes: SharedBytes, start: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.base = bytes.base
        self.end = min(end ?? bytes.count, bytes.count)
        offset = min(start, self.end)
    }

    public init(_ bytes: [UInt8]) { self.init(SharedBytes(copying: bytes)) }

    /// A reader of all but the last 16 bytes, when those are the digest of the rest, as every
    /// file the cache writes ends; nil when they are not (bytes changed on disk that would still
    /// read as values must not be trusted).
    public init?(checked bytes: SharedBytes) {
        guard bytes.count >= 16 else { return nil }
        let body = bytes.count - 16
        var digest = StreamDigest()
        digest.add(UnsafeRawBufferPointer(bytes[buffer: 0..<body]))
        var trailer = BinaryReader(bytes, start: body)
        guard let stored = try? trailer.digest(), stored == digest.finish() else { return nil }
        self.init(bytes, end: body)
    }

    /// Passes over `length` bytes; returns where they lie.
    public mutating func skip(_ length: Int) throws(Damaged) -> Range<Int> {
        guard length >= 0, offset + length <= end else { throw Damaged() }
        defer { offset += length }
        return offset..<offset + length
    }

    /// The next `length` bytes, copied out.
    public mutating func copyBytes(_ length: Int) throws(Damaged) -> [UInt8] {
        Array(bytes[try skip(length)])
    }

    /// Bytes already read, copied out.
    public func bytes(_ range: Range<Int>) throws(Damaged) -> [UInt8] {
        guard range.lowerBound >= 0, range.upperBound <= offset else { throw Damaged() }
        return bytes[range]
    }

    public var atEnd: Bool { offset == end }

    /// Most values (lengths, counts, positions) take one byte, read here without a call.
    @inline(__always)
    public mutating func int() throws(Damaged) -> Int {
        if offset < end {
            let byte = base.load(fromByteOffset: offset, as: UInt8.self)
            if byte < 0x80 {
                offset += 1
                return Int(byte)
            }
        }
        return try longInt()
    }

    private mutating func longInt() throws(Damaged) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw Damaged() }
            let byte = base.load(fromByteOffset: offset, as: UInt8.self)
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(Int64(bitPattern: value)) }
            shift += 7
        }
    }

    public mutating func word() throws(Damaged) -> UInt64 {
        guard offset + 8 <= end else { throw Damaged() }
        let value = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        return value
    }

    /// `count` digests as `BinaryWriter.digests` wrote them.
    public mutating func digests(_ count: Int) throws(Damaged) -> [Digest] {
        let range = try skip(count * 16)
        let start = base + range.lowerBound
        return (0..<count).map { index in
            Digest(high: start.loadUnaligned(fromByteOffset: index * 16, as: UInt64.self),
                   low: start.loadUnaligned(fromByteOffset: index * 16 + 8, as: UInt64.self))
        }
    }

    /// Where the next `BinaryWriter.section` lies, passed over; `sharing` reads it later.
    public mutating func section() throws(Damaged) -> Range<Int> {
        guard offset + 4 <= end else { throw Damaged() }
        var length = 0
        for index in 0..<4 { length |= Int(base.load(fromByteOffset: offset + index, as: UInt8.self)) << (8 * index) }
        offset += 4
        return try skip(length)
    }

    /// The bytes read, for values that keep a part of them (`BuildCache.PathList`).
    public var storage: SharedBytes { bytes }

    /// A reader of `range` of the same bytes.
    public func sharing(_ range: Range<Int>) -> BinaryReader { BinaryReader(bytes, start: range.lowerBound, end: range.upperBound) }

    @inline(__always)
    public mutating func count() throws(Damaged) -> Int {
        let value = try int()
        guard value >= 0, value <= end - offset + 1 << 20 else { throw Damaged() }
        return value
    }

    public mutating func bool() throws(Damaged) -> Bool {
        guard offset < end else { throw Damaged() }
        let byte = base.load(fromByteOffset: offset, as: UInt8.self)
        guard byte <= 1 else { throw Damaged() }
        offset += 1
        return byte == 1
    }

    public mutating func string() throws(Damaged) -> String {
        let length = try int()
        guard length >= 0, offset + length <= end else { throw Damaged() }
        defer { offset += length }
        return String(decoding: bytes[buffer: offset..<offset + length], as: UTF8.self)
    }

    /// A string left as its bytes, sharing this reader's buffer.
    public mutating func storedText() throws(Damaged) -> StoredText {
        StoredText(bytes: bytes, range: try skip(try int()))
    }

    public mutating func digest() throws(Damaged) -> Digest {
        Digest(high: try word(), low: try word())
    }

    public mutating func optional<T>(_ read: (inout BinaryReader) throws(Damaged) -> T) throws(Damaged) -> T? {
        try bool() ? try read(&self) : nil
    }

    public mutating func array<T>(_ read: (inout BinaryReader) throws(Damaged) -> T) throws(Damaged) -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(min(count, 1 << 16))
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    /// Inlined, so each use reads its own type's cases rather than asking a generic type for them.
    @inline(__always)
    public mutating func choice<E: CaseIterable>(_ type: E.Type) throws(Damaged) -> E {
        let position = try int()
        let cases = E.allCases
        guard position >= 0, position < cases.count else { throw Damaged() }
        return cases[cases.index(cases.startIndex, offsetBy: position)]
    }
}

/// Text as `BinaryWriter` wrote it, made a `String` only when asked for; it shares the bytes
/// it was read from instead of copying them.
public struct StoredText: Sendable {
    public let bytes: SharedBytes
    public let range: Range<Int>

    public init(bytes: SharedBytes, range: Range<Int>) { (self.bytes, self.range) = (bytes, range) }

    public var string: String { String(decoding: bytes[buffer: range], as: UTF8.self) }
}
