import BulletinModel
import BulletinSupport

/// The site language as a BCP 47 tag (RFC 5646), checked by its syntax alone. The language
/// names the theme's strings file and is published in `<html lang>`, so only letters, digits
/// and `-` in the shape of a tag may reach either: `../../evil` would read a file outside the
/// theme.
public enum LanguageTag {
    /// `en`, `zh-CN`, `zh-Hant-TW`, `sl-rozaj-biske`, `de-CH-1901`, `en-a-bbb-x-a-ccc`, `x-local`.
    /// Letters may be in either case, as the RFC allows; the strings file's name must still match.
    public static func isWellFormed(_ tag: String) -> Bool {
        let subtags = tag.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard subtags.allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy(isAlphanumeric) }) else { return false }
        var rest = subtags[...]
        func next(_ count: ClosedRange<Int>, _ test: (UInt8) -> Bool) -> Bool {
            guard let subtag = rest.first, count.contains(subtag.count), subtag.allSatisfy(test) else { return false }
            rest.removeFirst()
            return true
        }
        func isPrivateUse() -> Bool { rest.first.map { $0.count == 1 && $0.first! | 0x20 == UInt8(ascii: "x") } ?? false }
        if isPrivateUse() { return rest.count > 1 }
        // language: 2–3 letters with up to three 3-letter extended subtags, or 4–8 letters.
        guard let language = rest.first, next(2...8, isLetter) else { return false }
        var extended = 0
        while language.count <= 3, extended < 3, next(3...3, isLetter) { extended += 1 }
        _ = next(4...4, isLetter)  // script
        _ = next(2...2, isLetter) || next(3...3, isDigit)  // region
        // variants: 5–8 letters or digits, or a digit and three more.
        while next(5...8, isAlphanumeric) || (rest.first?.first.map(isDigit) == true && next(4...4, isAlphanumeric)) {}
        // extensions: a singleton other than x, then at least one subtag of 2–8.
        while rest.first?.count == 1, !isPrivateUse() {
            rest.removeFirst()
            guard next(2...8, isAlphanumeric) else { return false }
            while next(2...8, isAlphanumeric) {}
        }
        if isPrivateUse() { return rest.count > 1 }
        return rest.isEmpty
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) }
    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }

    /// Why `language` cannot be the site's, or nil when it can. `available` holds the languages
    /// the theme has strings for; when it is nil or empty only the syntax is checked, and the
    /// theme names its missing strings itself.
    static func problem(with language: String, available: [String]?) -> Message? {
        if let available, !available.isEmpty {
            guard !available.contains(language) else { return nil }
            return Message(.languageNotInTheme, ["language": language, "languages": available])
        }
        return isWellFormed(language) ? nil : Message(.languageNotATag, ["language": language])
    }
}
