import BulletinModel
import BulletinSupport

extension StringProtocol {
    /// Leading and trailing white space removed. Foundation's `trimmingCharacters` goes through
    /// NSString on Linux and was a tenth of validation time.
    var trimmed: String {
        // Most values start and end with a visible ASCII character: nothing to trim.
        let text = String(self)
        if let first = text.utf8.first, let last = text.utf8.last,
           (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) { return text }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
