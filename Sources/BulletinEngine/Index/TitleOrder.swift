import Foundation

/// Swift orders strings by their Unicode scalars after canonical composition (NFC); strings
/// already composed it orders by their UTF-8 bytes, which is much faster to work out. These
/// tell such strings apart by the characters they are made of, leaving any doubt to Swift.
enum TitleOrder {
    /// Whether every character of `text` is one that composition leaves as it is and that
    /// never combines with the one before it: ASCII, general punctuation, CJK punctuation,
    /// CJK unified ideographs and fullwidth forms. A title with any other character (accents,
    /// combining marks, compatibility ideographs) is compared as a string.
    /// Read from the UTF-8 bytes: those characters are one byte or three.
    static func alwaysComposed(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 {
                    index += 1
                    continue
                }
                guard lead & 0xF0 == 0xE0, index + 2 < bytes.count else { return false }
                let scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                switch scalar {
                case 0x2010...0x2027, 0x3000...0x3029, 0x4E00...0x9FFF, 0xFF01...0xFF5E: index += 3
                default: return false
                }
            }
            return true
        }
    }

    /// Negative, zero or positive as `a` sorts before, with or after `b` by their UTF-8 bytes.
    static func byteOrder(_ a: String, _ b: String) -> Int {
        // Native strings' bytes are read where they lie; only others are copied to read them.
        if let order = a.utf8.withContiguousStorageIfAvailable({ x in b.utf8.withContiguousStorageIfAvailable { y in order(x, y) } }),
           let order {
            return order
        }
        var (a, b) = (a, b)
        return a.withUTF8 { x in b.withUTF8 { y in order(x, y) } }
    }

    private static func order(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(x.count, y.count)
        if common > 0, let p = x.baseAddress, let q = y.baseAddress {
            let order = memcmp(p, q, common)
            if order != 0 { return Int(order) }
        }
        return x.count - y.count
    }
}
