import Foundation
import XXHash

/// A 128-bit fingerprint of bytes, stable across runs and machines (Swift's `Hasher` is
/// seeded per process, so it cannot key a cache on disk). Not cryptographic: it tells edits
/// apart, it does not resist someone crafting collisions.
public struct Digest: Hashable, Sendable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    @inlinable public init(high: UInt64, low: UInt64) { (self.high, self.low) = (high, low) }

    public var description: String {
        String(high, radix: 16) + "-" + String(low, radix: 16)
    }

    /// A digest's bits are already mixed: one word of them is enough to place it in a table
    /// (equality still compares both). Tables of 11,000 digests are read on every build.
    public func hash(into hasher: inout Hasher) { hasher.combine(low) }

    /// A digest equal to no other, for a file that could not be read: whatever depends on it
    /// is never taken for unchanged.
    public static func unique() -> Digest {
        var builder = DigestBuilder(UUID().uuidString)
        return builder.finish()
    }
}

/// Builds a `Digest` from a sequence of values: XXH3-128 of the values laid end to end, each
/// framed by its length or kind, so `("ab", "c")` and `("a", "bc")` differ. An integer is 8
/// bytes, a Bool 1, a digest 16, bytes and strings their length in 8 bytes and then the bytes,
/// an absent string a length no string has; all little-endian, the same on every machine.
///
/// Builders are made millions of times a build, most over a few dozen small values: the values
/// are gathered in a buffer inside the builder and hashed in one call at the end. Only values
/// that overflow it go to a streaming state (576 bytes on the heap, and a call per update);
/// the digest is the same either way.
public struct DigestBuilder {
    @usableFromInline typealias Buffer = (
        UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64
    )
    @usableFromInline static var capacity: Int { MemoryLayout<Buffer>.size }

    @usableFromInline var buffer: Buffer = (
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    )
    @usableFromInline var count = 0
    /// What came before the buffer's bytes, once they did not fit in it.
    @usableFromInline var stream: DigestStream?

    @inlinable public init() {}

    @inlinable public init(_ label: String) { add(label) }

    @inlinable @inline(__always) mutating func append<Word: FixedWidthInteger>(_ word: Word) {
        let size = MemoryLayout<Word>.size
        if count + size > Self.capacity { flush() }
        let offset = count
        withUnsafeMutableBytes(of: &buffer) { $0.storeBytes(of: word.littleEndian, toByteOffset: offset, as: Word.self) }
        count = offset + size
    }

    @inlinable public mutating func add(_ value: UInt64) { append(value) }
    @inlinable public mutating func add(_ value: Int) { append(Int64(value)) }
    @inlinable public mutating func add(_ value: Bool) { append(value ? 0xB1 as UInt8 : 0xB0) }
    @inlinable public mutating func add(_ digest: Digest) {
        append(digest.high)
        append(digest.low)
    }

    @inlinable public mutating func add(_ text: String) {
        // A native string's bytes are read where they lie; a copy to read them cost a retain.
        if text.utf8.withContiguousStorageIfAvailable({ add(bytes: UnsafeRawBufferPointer($0)) }) != nil { return }
        var text = text
        text.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
    }

    @inlinable public mutating func add(_ value: String?) {
        guard let value else { return append(UInt64.max) }
        add(value)
    }

    @inlinable public mutating func add(bytes: UnsafeRawBufferPointer) {
        append(UInt64(bytes.count))
        let offset = count
        guard offset + bytes.count <= Self.capacity else { return addLong(bytes) }
        guard let source = bytes.baseAddress else { return }
        withUnsafeMutableBytes(of: &buffer) { ($0.baseAddress! + offset).copyMemory(from: source, byteCount: bytes.count) }
        count = offset + bytes.count
    }

    /// Passes the buffer on to the stream, and `bytes` after it.
    @usableFromInline mutating func addLong(_ bytes: UnsafeRawBufferPointer) {
        flush()
        stream!.update(bytes)
    }

    /// Passes the buffer on to the stream, leaving it empty.
    @usableFromInline mutating func flush() {
        if stream == nil {
            stream = DigestStream()
        } else if !isKnownUniquelyReferenced(&stream!) {
            stream = stream!.copy()
        }
        let count = self.count
        withUnsafeBytes(of: &buffer) { stream!.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        self.count = 0
    }

    /// Mutating, so that the buffer is hashed where it lies rather than copied; the builder
    /// can still be added to.
    public mutating func finish() -> Digest {
        guard stream != nil else {
            let count = self.count
            return withUnsafeBytes(of: &buffer) { Digest(bulletin_xxh3_128($0.baseAddress, count)) }
        }
        flush()
        return stream!.digest()
    }

    @inlinable public static func of(bytes: UnsafeRawBufferPointer) -> Digest {
        var builder = DigestBuilder()
        builder.add(bytes: bytes)
        return builder.finish()
    }
}

/// A streaming XXH3-128 state, copied before it is changed when a copied builder shares it.
@usableFromInline final class DigestStream: @unchecked Sendable {
    private let state: OpaquePointer

    @usableFromInline init() {
        state = XXH3_createState()
        XXH3_128bits_reset(state)
    }

    private init(copying other: DigestStream) {
        state = XXH3_createState()
        XXH3_copyState(state, other.state)
    }

    deinit { XXH3_freeState(state) }

    @usableFromInline func copy() -> DigestStream { DigestStream(copying: self) }

    @usableFromInline func update(_ bytes: UnsafeRawBufferPointer) {
        bulletin_xxh3_128_update(state, bytes.baseAddress, bytes.count)
    }

    func digest() -> Digest { Digest(XXH3_128bits_digest(state)) }
}

extension Digest {
    init(_ hash: XXH128_hash_t) { self.init(high: hash.high64, low: hash.low64) }
}

/// XXH3-128 of a long run of bytes given in parts: for checking that the build cache reads
/// back as it was written, megabytes per build.
public struct StreamDigest: Sendable {
    private var stream = DigestStream()

    public init() {}

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        if !isKnownUniquelyReferenced(&stream) { stream = stream.copy() }
        stream.update(bytes)
    }

    public mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }

    public func finish() -> Digest { stream.digest() }
}
