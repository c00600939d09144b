import Testing
@testable import BulletinEngine

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
}
