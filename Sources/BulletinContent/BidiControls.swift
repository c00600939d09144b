import BulletinModel
import BulletinSupport

/// Right-to-left overrides and isolates pasted into a one-line field would otherwise run on
/// into whatever the page puts after the value (the site name in `<title>`). Each field is
/// closed where it ends, keeping what the writer typed.
enum BidiControls {
    static func balanced(_ text: String) -> String {
        // Every control here is written E2 80 xx or E2 81 xx in UTF-8.
        var copy = text
        guard copy.withUTF8({ $0.contains(0xE2) }) else { return text }
        var embeddings = 0, isolates = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x202A, 0x202B, 0x202D, 0x202E: embeddings += 1
            case 0x202C: embeddings = max(0, embeddings - 1)
            case 0x2066, 0x2067, 0x2068: isolates += 1
            case 0x2069: isolates = max(0, isolates - 1)
            default: break
            }
        }
        guard embeddings + isolates > 0 else { return text }
        return text + String(repeating: "\u{202C}", count: embeddings) + String(repeating: "\u{2069}", count: isolates)
    }
}
