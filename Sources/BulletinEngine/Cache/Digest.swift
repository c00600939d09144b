/// A 128-bit fingerprint of bytes, stable across runs and machines (Swift's `Hasher` is
/// seeded per process, so it cannot key a cache on disk). Not cryptographic: it tells edits
/// apart, it does not resist someone crafting collisions.
public struct Digest: Hashable, Sendable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public var description: String {
        String(high, radix: 16) + "-" + String(low, radix: 16)
    }
}

/// Builds a `Digest` from a sequence of values. Each value is framed by its length or kind,
/// so `("ab", "c")` and `("a", "bc")` differ.
struct DigestBuilder {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    init() {}

    init(_ label: String) { add(label) }

    private mutating func mix(_ word: UInt64) {
        a = (a ^ word) &* 0x0000_0100_0000_01B3
        a = (a << 31) | (a >> 33)
        b = (b &+ word) &* 0xFF51_AFD7_ED55_8CCD
        b ^= b >> 29
    }

    mutating func add(_ value: UInt64) { mix(value) }
    mutating func add(_ value: Int) { mix(UInt64(bitPattern: Int64(value))) }
    mutating func add(_ value: Bool) { mix(value ? 0xB1 : 0xB0) }
    mutating func add(_ digest: Digest) {
        mix(digest.high)
        mix(digest.low)
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ value: String?) {
        guard let value else { return mix(0x5EED_0000_0000_0000) }
        add(value)
    }

    mutating func add(bytes: UnsafeRawBufferPointer) {
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

    func finish() -> Digest {
        var x = a ^ (b >> 17)
        var y = b ^ (a << 13)
        x = (x ^ (x >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        y = (y ^ (y >> 29)) &* 0xC4CE_B9FE_1A85_EC53
        y ^= y >> 32
        return Digest(high: x, low: y)
    }

    static func of(bytes: UnsafeRawBufferPointer) -> Digest {
        var builder = DigestBuilder()
        builder.add(bytes: bytes)
        return builder.finish()
    }
}
