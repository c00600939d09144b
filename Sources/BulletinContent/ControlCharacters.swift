import BulletinModel
import BulletinSupport

/// Invisible control characters, which YAML lets a writer put in a quoted value as an escape
/// (`"\0"`, `"\x01"`). A page cannot show them, they make a feed unreadable XML, and the engine
/// uses U+0000 itself (`Routes.rootMarker`), so a field holding one is refused.
public enum ControlCharacters {
    /// The first control character in `text` other than tab and line feed.
    public static func first(in text: String) -> Unicode.Scalar? {
        var copy = text
        let hasControl = copy.withUTF8 { bytes in
            // C1 controls are written C2 80 to C2 9F in UTF-8.
            bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A || $0 == 0x7F || $0 == 0xC2 }
        }
        guard hasControl else { return nil }
        return text.unicodeScalars.first { scalar in
            scalar.value < 0x20 && scalar != "\t" && scalar != "\n" || (0x7F...0x9F).contains(scalar.value)
        }
    }

    /// What to tell the writer about `scalar`, found in a value.
    public static func problem(_ scalar: Unicode.Scalar) -> Message {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return Message(.fieldControlCharacter, ["code": String(repeating: "0", count: max(0, 2 - hex.count)) + hex])
    }
}
