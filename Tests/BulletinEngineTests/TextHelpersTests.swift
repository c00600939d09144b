import Testing
@testable import BulletinContent
@testable import BulletinEngine
@testable import BulletinIncremental
@testable import BulletinModel
@testable import BulletinOutput
@testable import BulletinRender
@testable import BulletinSite
@testable import BulletinSupport

/// The small text helpers every field goes through, including their shortcuts for plain text.
@Suite("Trimming and bidirectional controls")
struct TextHelpersTests {
    @Test(arguments: [
        ("Roof repair", "Roof repair"), ("  Roof repair \n", "Roof repair"), ("\u{3000}电梯维修\u{3000}", "电梯维修"),
        ("\t", ""), ("", ""), ("a", "a"), (" \u{301}x ", "\u{301}x"), ("x\u{A0}", "x"), ("é", "é"), ("~", "~"),
    ])
    func trimmedRemovesWhiteSpaceOfAnyScriptAtBothEnds(_ text: String, _ expected: String) {
        #expect(text.trimmed == expected)
        #expect(text[...].trimmed == expected)
    }

    @Test func balancedClosesEmbeddingsAndIsolatesLeftOpen() {
        #expect(BidiControls.balanced("plain “quoted” text…") == "plain “quoted” text…")
        #expect(BidiControls.balanced("\u{202E}evil") == "\u{202E}evil\u{202C}")
        #expect(BidiControls.balanced("\u{2067}a\u{2069}\u{2068}b") == "\u{2067}a\u{2069}\u{2068}b\u{2069}")
        #expect(BidiControls.balanced("\u{202B}x\u{202C}") == "\u{202B}x\u{202C}")
    }

    /// The escape check reads eight bytes at a time; at every length and position it must
    /// agree with looking at each character.
    @Test func theEscapeCheckFindsEachOfTheFiveAnywhere() {
        let plain = ["a", "é", "中", " ", "0", "=", "?", "\u{3C}\u{338}", ";", "\u{FF1C}"]
        var generator = SeededGenerator(seed: 3)
        for length in 0..<40 {
            for _ in 0..<20 {
                let characters = (0..<length).map { _ in plain.randomElement(using: &generator)! }
                let text = characters.joined()
                #expect(HTMLEscaping.needsEscape(text) == text.unicodeScalars.contains { "<>&\"'".unicodeScalars.contains($0) }, "\(text.debugDescription)")
                guard length > 0 else { continue }
                for special in ["<", ">", "&", "\"", "'"] {
                    var marked = characters
                    marked[Int.random(in: 0..<length, using: &generator)] = special
                    #expect(HTMLEscaping.needsEscape(marked.joined()), "\(marked.joined().debugDescription)")
                }
            }
        }
    }
}
