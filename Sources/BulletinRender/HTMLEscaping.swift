import BulletinContent
import BulletinModel
import BulletinSite
import BulletinSupport
import Mustache

/// The same escaping as swift-mustache's HTML content type (`&lt; &gt; &amp; &quot; &#39;`),
/// done on bytes: most values need none and are returned untouched. Escaping was an eighth of
/// render time character by character.
struct HTMLEscaping: MustacheContentType {
    static let name = "BULLETIN_HTML"
    /// Put before every template, so rendering uses this content type.
    static let pragma = "{{%CONTENT_TYPE:\(name)}}"

    static let register: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        guard Self.needsEscape(text) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether any byte of `text` is one of the five escaped.
    static func needsEscape(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var offset = 0
            // Eight bytes at a time: a word holds one of the five exactly when one of the
            // five tests below finds a zero byte in it, far fewer steps than byte by byte.
            if let base = bytes.baseAddress {
                while offset + 8 <= bytes.count {
                    let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
                    if holds(word, "<") | holds(word, ">") | holds(word, "&") | holds(word, "\"") | holds(word, "'") != 0 {
                        return true
                    }
                    offset += 8
                }
            }
            while offset < bytes.count {
                if needsEscape(bytes[offset]) { return true }
                offset += 1
            }
            return false
        }
    }

    /// Non-zero when a byte of `word` is `byte`.
    @inline(__always)
    private static func holds(_ word: UInt64, _ byte: Unicode.Scalar) -> UInt64 {
        let difference = word ^ (UInt64(byte.value) &* 0x0101_0101_0101_0101)
        return (difference &- 0x0101_0101_0101_0101) & ~difference & 0x8080_8080_8080_8080
    }

    /// `< > & " '`: bytes below 64, one bit each of `escaped`.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 64 && escaped & (1 << UInt64(byte)) != 0
    }

    private static var escaped: UInt64 {
        1 << UInt64(UInt8(ascii: "<")) | 1 << UInt64(UInt8(ascii: ">")) | 1 << UInt64(UInt8(ascii: "&"))
            | 1 << UInt64(UInt8(ascii: "\"")) | 1 << UInt64(UInt8(ascii: "'"))
    }
}

/// Text escaped as pages escape it, for HTML made outside the templates (the preview's error page).
public enum HTMLText {
    public static func escaped(_ text: String) -> String { HTMLEscaping().escapeText(text) }
}
