import Testing
@testable import BulletinContent
@testable import BulletinEngine
@testable import BulletinIncremental
@testable import BulletinModel
@testable import BulletinOutput
@testable import BulletinRender
@testable import BulletinSite
@testable import BulletinSupport

/// YAMLGuard reads bytes; the character-by-character scan it replaced is kept here as the
/// reference. On random front matter made of the characters the scan cares about, plus
/// letters of several scripts, both must refuse the same texts at the same line and column.
@Suite("YAML guard against its reference")
struct YAMLGuardReferenceTests {
    @Test func byteScanMatchesTheCharacterScan() {
        let pieces = ["a", "b: ", ": ", "- ", "-x", "? ", "[", "]", "{", "}", ", ", ",", "\"", "'", "\\", "#", " #", "|", ">",
                      "&x", "*x", "  ", "\t", "\n", "\n  ", "é", "中文", "e\u{301}", "😀", "key: value\n", "x:[", ":]", ":,"]
        var generator = SeededGenerator(seed: 7)
        var refused = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 1...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = Reference.outcome(text)
            let actual: YAMLGuard.Refusal?
            do { try YAMLGuard.check(text); actual = nil } catch { actual = error }
            if expected != nil { refused += 1 }
            // The reference leaves aliases to `checkAliasesAnywhere`, which both share; compare
            // where the scan itself refused.
            if let expected {
                #expect(actual == expected, "\(text.debugDescription)")
            } else if let actual {
                #expect(actual.message.contains("anchors"), "\(text.debugDescription): \(actual)")
            }
        }
        #expect(refused > 1_000)
    }

    @Test func deepNestingIsStillRefusedAtItsColumn() {
        let text = "é: " + String(repeating: "[", count: YAMLGuard.maximumDepth + 1)
        #expect(throws: YAMLGuard.Refusal(line: 1, column: 4 + YAMLGuard.maximumDepth, message: "the front matter is nested more than \(YAMLGuard.maximumDepth) levels deep; fields need only a few levels")) {
            try YAMLGuard.check(text)
        }
    }
}

/// The scan as it was before it read bytes.
private enum Reference {
    static func outcome(_ yaml: String) -> YAMLGuard.Refusal? {
        do { try check(yaml) } catch { return error }
        return nil
    }

    private static func message(startingWith start: String) -> String {
        "anchors (&name) and aliases (*name) are not supported in front matter; write the value out in full, and put text that starts with \(start) in quotes"
    }

    static func check(_ yaml: String) throws(YAMLGuard.Refusal) {
        if yaml.utf8.count > YAMLGuard.maximumBytes {
            throw YAMLGuard.Refusal(line: 1, column: 1, message: "the front matter is \(Size.text(yaml.utf8.count)), more than the \(Size.text(YAMLGuard.maximumBytes)) fields may take; move long text below the closing `---`")
        }
        var flowDepth = 0
        var quote: Unicode.Scalar?
        var blockTextIndent: Int?
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let chars = Array(line.unicodeScalars)
            let indent = chars.prefix(while: { $0 == " " || $0 == "\t" }).count
            if let textIndent = blockTextIndent, quote == nil {
                if indent > textIndent || indent == chars.count { continue }
                blockTextIndent = nil
            }
            func refuse(_ column: Int, _ message: String) -> YAMLGuard.Refusal {
                YAMLGuard.Refusal(line: index + 1, column: column + 1, message: message)
            }
            func endsToken(_ i: Int) -> Bool { i + 1 == chars.count || chars[i + 1] == " " || chars[i + 1] == "\t" }
            var valueStarts = quote == nil
            var blockDepth = indent / 2
            var i = quote == nil ? indent : 0
            scan: while i < chars.count {
                let c = chars[i]
                defer { i += 1 }
                if let open = quote {
                    if c == "\\", open == "\"" { i += 1 } else if c == open { quote = nil }
                    continue
                }
                if c == " " || c == "\t" { continue }
                if c == "#", i == 0 || chars[i - 1] == " " || chars[i - 1] == "\t" { break scan }
                if valueStarts {
                    switch c {
                    case "&", "*":
                        throw refuse(i, message(startingWith: "\(c)"))
                    case "\"", "'":
                        quote = c
                        valueStarts = false
                    case "-" where flowDepth == 0 && endsToken(i), "?" where endsToken(i):
                        blockDepth += 1
                    case "|", ">":
                        if flowDepth == 0 {
                            blockTextIndent = indent
                            break scan
                        }
                        valueStarts = false
                    case "[", "{":
                        flowDepth += 1
                    case "]", "}":
                        flowDepth = max(0, flowDepth - 1)
                        valueStarts = false
                    default:
                        valueStarts = false
                    }
                } else if c == ":", endsToken(i) || (flowDepth > 0 && ",]}".unicodeScalars.contains(chars[i + 1])) {
                    valueStarts = true
                } else if flowDepth > 0, c == "," {
                    valueStarts = true
                } else if flowDepth > 0, c == "]" || c == "}" {
                    flowDepth -= 1
                }
                if flowDepth > YAMLGuard.maximumDepth || blockDepth > YAMLGuard.maximumDepth {
                    throw refuse(i, "the front matter is nested more than \(YAMLGuard.maximumDepth) levels deep; fields need only a few levels")
                }
            }
        }
    }
}
