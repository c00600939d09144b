import Foundation

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
    public static func unique() -> Digest { DigestBuilder(UUID().uuidString).finish() }
}

/// Builds a `Digest` from a sequence of values. Each value is framed by its length or kind,
/// so `("ab", "c")` and `("a", "bc")` differ.
public struct DigestBuilder {
    @usableFromInline var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    @usableFromInline var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    @inlinable public init() {}

    @inlinable public init(_ label: String) { add(label) }

    @inlinable @inline(__always) mutating func mix(_ word: UInt64) {
        a = (a ^ word) &* 0x0000_0100_0000_01B3
        a = (a << 31) | (a >> 33)
        b = (b &+ word) &* 0xFF51_AFD7_ED55_8CCD
        b ^= b >> 29
    }

    @inlinable public mutating func add(_ value: UInt64) { mix(value) }
    @inlinable public mutating func add(_ value: Int) { mix(UInt64(bitPattern: Int64(value))) }
    @inlinable public mutating func add(_ value: Bool) { mix(value ? 0xB1 : 0xB0) }
    @inlinable public mutating func add(_ digest: Digest) {
        mix(digest.high)
        mix(digest.low)
    }

    @inlinable public mutating func add(_ text: String) {
        // A native string's bytes are read where they lie; a copy to read them cost a retain.
        if text.utf8.withContiguousStorageIfAvailable({ add(bytes: UnsafeRawBufferPointer($0)) }) != nil { return }
        var text = text
        text.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
    }

    @inlinable public mutating func add(_ value: String?) {
        guard let value else { return mix(0x5EED_0000_0000_0000) }
        add(value)
    }

    @inlinable public mutating func add(bytes: UnsafeRawBufferPointer) {
        mix(UInt64(bytes.count) | 0xB7E0_0000_0000_0000)
        var offset = 0
        while offset + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        mix(tail)
    }

    @inlinable public func finish() -> Digest {
        var x = a ^ (b >> 17)
        var y = b ^ (a << 13)
        x = (x ^ (x >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        y = (y ^ (y >> 29)) &* 0xC4CE_B9FE_1A85_EC53
        y ^= y >> 32
        return Digest(high: x, low: y)
    }

    @inlinable public static func of(bytes: UnsafeRawBufferPointer) -> Digest {
        var builder = DigestBuilder()
        builder.add(bytes: bytes)
        return builder.finish()
    }
}

/// A digest of a long run of bytes given in parts, four words at a time on independent lanes:
/// for checking that the build cache reads back as it was written, megabytes per build.
public struct StreamDigest: Sendable {
    private var lanes: (UInt64, UInt64, UInt64, UInt64) =
        (0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9, 0x27D4_EB2F_1656_67C5)
    private var tail: [UInt8] = []
    private var count = 0

    public init() {}

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        count += bytes.count
        var offset = 0
        if !tail.isEmpty {
            let taken = min(32 - tail.count, bytes.count)
            tail += bytes[0..<taken]
            offset = taken
            guard tail.count == 32 else { return }
            tail.withUnsafeBytes { mix($0, at: 0) }
            tail.removeAll(keepingCapacity: true)
        }
        while offset + 32 <= bytes.count {
            mix(bytes, at: offset)
            offset += 32
        }
        tail += bytes[offset...]
    }

    public mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }

    @usableFromInline mutating func mix(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
        func step(_ lane: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = (lane ^ word) &* 0x9FB2_1C65_1E98_DF25
            return (mixed << 29) | (mixed >> 35)
        }
        lanes.0 = step(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        lanes.1 = step(lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
        lanes.2 = step(lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
        lanes.3 = step(lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
    }

    public func finish() -> Digest {
        var builder = DigestBuilder("stream")
        builder.add(lanes.0)
        builder.add(lanes.1)
        builder.add(lanes.2)
        builder.add(lanes.3)
        builder.add(count)
        tail.withUnsafeBytes { builder.add(bytes: $0) }
        return builder.finish()
    }
}
