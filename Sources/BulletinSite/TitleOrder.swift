import BulletinContent
import BulletinModel
import BulletinSupport
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
                // Eight ASCII bytes at a time: most titles are all ASCII.
                if index + 8 <= bytes.count,
                   UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
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

    static func order(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(x.count, y.count)
        if common > 0, let p = x.baseAddress, let q = y.baseAddress {
            let order = memcmp(p, q, common)
            if order != 0 { return Int(order) }
        }
        return x.count - y.count
    }
}

/// Titles that are always composed, their bytes laid end to end, for comparing a day's
/// records without touching their strings: each string compared cost two retains.
struct TitleBytes {
    private var bytes: [UInt8] = []
    /// Where each title's bytes lie; nil for a title Swift must compare.
    private var spans: [Range<Int>?] = []

    init(_ titles: [String]) {
        bytes.reserveCapacity(titles.count * 32)
        spans.reserveCapacity(titles.count)
        for title in titles {
            guard TitleOrder.alwaysComposed(title) else {
                spans.append(nil)
                continue
            }
            let start = bytes.count
            bytes.append(contentsOf: title.utf8)
            spans.append(start..<bytes.count)
        }
    }

    /// `TitleOrder.byteOrder` of titles `i` and `j`; nil unless both are always composed.
    func byteOrder(_ i: Int, _ j: Int) -> Int? {
        guard let a = spans[i], let b = spans[j] else { return nil }
        return bytes.withUnsafeBufferPointer { all in
            TitleOrder.order(UnsafeBufferPointer(rebasing: all[a]), UnsafeBufferPointer(rebasing: all[b]))
        }
    }
}
