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
            for byte in bytes where needsEscape(byte) { return true }
            return false
        }
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
