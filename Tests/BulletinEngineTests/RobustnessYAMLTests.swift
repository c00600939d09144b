import Foundation
import Testing
@testable import BulletinContent
@testable import BulletinEngine
@testable import BulletinIncremental
@testable import BulletinModel
@testable import BulletinOutput
@testable import BulletinRender
@testable import BulletinSite
@testable import BulletinSupport

/// Hostile and broken front matter: every case is refused with one located line, quickly,
/// and nothing is written.
@Suite("Robustness: YAML front matter")
struct RobustnessYAMLTests {
    static let path = Robust.meetingPath
    static let fields = Robust.meetingFields

    // MARK: Syntax

    @Test func aValueWithAColonAndSpaceAsksForQuotes() throws {
        let site = try Robust.meetingSite(frontMatter: "title: Roof: round 2\nformat: bench\noutcome: agreed\n")
        Robust.expectRefused(site, [
            "\(Self.path):2:12: error: the front matter is not valid YAML: mapping values are not allowed in this context; a value containing \": \" must be put in quotes, e.g. title: \"Roof: round 2\"",
        ])
    }

    @Test func anUnclosedFlowListIsLocatedWhereTheParserGaveUp() throws {
        let site = try Robust.meetingSite(frontMatter: "title: Roof\ntags: [a, b\nformat: bench\noutcome: agreed\n")
        Robust.expectRefused(site, [
            "\(Self.path):4:7: error: the front matter is not valid YAML: did not find expected ',' or ']'",
        ])
    }

    /// libyaml reports the end of the text ("found unexpected end of stream" at 4:16); the
    /// mistake is the quote opened on line 2, column 8, which libyaml gives as the error's context.
    @Test func anUnclosedQuoteIsLocatedAtTheOpeningQuote() throws {
        let site = try Robust.meetingSite(frontMatter: "title: \"Roof\nformat: bench\noutcome: agreed\n")
        let failures = site.failures()
        #expect(failures.count == 1)
        Robust.expectNothingWritten(site)
        #expect(failures.first?.hasPrefix("\(Self.path):2:8: error: ") == true, "\(failures)")
        #expect(failures.first?.contains("never closed") == true, "\(failures)")
    }

    static let cannotStart = "found character that cannot start any token"
    static let violatesIndentation = "found a tab character that violates indentation"

    @Test(arguments: [
        ("vote:\n\tfor: 3\n", 6, cannotStart),
        ("participants:\n\t- role: owners\n", 6, cannotStart),
        ("vote:\n  for: 3\n\tagainst: 1\n", 7, violatesIndentation),
    ])
    func tabsUsedForIndentationAreNamed(_ tail: String, _ line: Int, _ problem: String) throws {
        let site = try Robust.meetingSite(frontMatter: Self.fields + tail)
        Robust.expectRefused(site, [
            "\(Self.path):\(line):1: error: the front matter is not valid YAML: \(problem); indent with spaces, not tabs",
        ])
    }

    @Test func aDuplicateKeyNamesTheRepeatAndTheFirstLine() throws {
        let site = try Robust.meetingSite(frontMatter: "title: Roof\nformat: bench\ntitle: Other\noutcome: agreed\n")
        Robust.expectRefused(site, [
            "\(Self.path):4:1: error: title: the field \"title\" is written more than once (first on line 2); keep one",
        ])
    }

    /// Located right, but the field is given as `for`, where every other nested diagnostic
    /// names its parent (`participants[1].count`, `vote.for`).
    @Test func aDuplicateKeyInsideANestedMapNamesTheRepeat() throws {
        let site = try Robust.meetingSite(frontMatter: Self.fields + "vote:\n  for: 3\n  against: 1\n  for: 4\n")
        let failures = site.failures()
        #expect(failures.count == 1)
        #expect(failures.first?.hasPrefix("\(Self.path):8:3: error: ") == true, "\(failures)")
        Robust.expectNothingWritten(site)
        #expect(failures == [
            "\(Self.path):8:3: error: vote.for: the field \"vote.for\" is written more than once (first on line 6); keep one",
        ])
    }

    /// A list used as a key: the field name prints as empty (`error: : unknown field`) and the
    /// location is the value's (6:3), not the key's (5:3).
    @Test func aKeyThatIsNotTextIsNamed() throws {
        let site = try Robust.meetingSite(frontMatter: Self.fields + "? [a, b]\n: x\n")
        let failures = site.failures()
        #expect(failures.count == 1)
        Robust.expectNothingWritten(site)
        #expect(failures.first?.contains("error: : ") == false, "\(failures)")
        #expect(failures.first?.hasPrefix("\(Self.path):5:") == true, "\(failures)")
    }

    // MARK: Expansion and depth

    /// Nine levels of nine aliases each: 387,420,489 "lol"s if expanded.
    static var billionLaughs: String {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        return yaml
    }

    @Test func billionLaughsIsRefusedQuicklyAtTheFirstAnchor() throws {
        let site = try Robust.meetingSite(frontMatter: Self.fields + Self.billionLaughs + "tags: *i\n")
        var failures: [String] = []
        let seconds = Robust.seconds { failures = site.failures() }
        #expect(failures == [
            "\(Self.path):5:4: error: anchors (&name) and aliases (*name) are not supported in front matter; write the value out in full, and put text that starts with & in quotes",
        ])
        #expect(seconds < 5, "took \(seconds) s")
        Robust.expectNothingWritten(site)
    }

    @Test func anAliasUsedAsAMappingKeyIsRefused() throws {
        let site = try Robust.meetingSite(frontMatter: Self.fields + "*key : value\n")
        Robust.expectRefused(site, [
            "\(Self.path):5:1: error: anchors (&name) and aliases (*name) are not supported in front matter; write the value out in full, and put text that starts with * in quotes",
        ])
    }

    @Test func anAliasAsAnExplicitKeyIsRefused() throws {
        let site = try Robust.meetingSite(frontMatter: "title: &t Roof\nformat: bench\noutcome: agreed\n? *t\n: x\n")
        Robust.expectRefused(site, [
            "\(Self.path):2:8: error: anchors (&name) and aliases (*name) are not supported in front matter; write the value out in full, and put text that starts with & in quotes",
        ])
    }

    /// `&` and `*` inside text are not anchors: no false alarm.
    @Test func ampersandsAndAsterisksInsideTextAreFine() throws {
        let site = try Robust.meetingSite(frontMatter: "title: Tom & Jerry *fixed* the roof\nformat: bench\noutcome: agreed\nsummary: \"*starred* & more\"\n")
        let built = try site.build()
        #expect(try built.read("communities/c/meetings/roof/index.html").contains("Tom &amp; Jerry *fixed* the roof"))
    }

    @Test func flowNesting5000DeepIsRefusedQuickly() throws {
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let site = try Robust.meetingSite(frontMatter: Self.fields + "tags: " + deep + "\n")
        var failures: [String] = []
        let seconds = Robust.seconds { failures = site.failures() }
        // Column 39 is the 33rd "[" after `tags: `.
        #expect(failures == [
            "\(Self.path):5:39: error: the front matter is nested more than 32 levels deep; fields need only a few levels",
        ])
        #expect(seconds < 5, "took \(seconds) s")
        Robust.expectNothingWritten(site)
    }

    @Test func anUnclosedFlowNesting5000DeepIsRefused() throws {
        let site = try Robust.meetingSite(frontMatter: Self.fields + "tags: " + String(repeating: "[", count: 5000) + "\n")
        Robust.expectRefused(site, [
            "\(Self.path):5:39: error: the front matter is nested more than 32 levels deep; fields need only a few levels",
        ])
    }

    /// An anchor after a tab (`title:<tab>&t Roof`) is an anchor all the same.
    @Test func anchorsAfterATabAreRefusedToo() throws {
        let site = try Robust.meetingSite(frontMatter: "title:\t&t Roof\nformat: bench\noutcome: agreed\nlocation:\t*t\n")
        let succeeded = (try? Builder(options: site.options()).build()) != nil
        #expect(!succeeded)
        #expect(site.failures() == [
            "\(Self.path):2:8: error: anchors (&name) and aliases (*name) are not supported in front matter; write the value out in full, and put text that starts with & in quotes",
        ])
    }

    /// YAML allows a tab after `:`; `tags:<tab>[[[[…` is counted like any other nesting, before
    /// libyaml's own limit (1000 levels) could answer with its internal wording.
    @Test func flowNestingAfterATabIsRefusedToo() throws {
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let site = try Robust.meetingSite(frontMatter: Self.fields + "tags:\t" + deep + "\n")
        let failures = site.failures()
        #expect(failures.count == 1)
        Robust.expectNothingWritten(site)
        #expect(failures == [
            "\(Self.path):5:39: error: the front matter is nested more than 32 levels deep; fields need only a few levels",
        ])
    }

    @Test func blockNesting200DeepIsRefused() throws {
        var yaml = Self.fields + "vote:\n"
        for level in 0..<200 { yaml += String(repeating: "  ", count: level + 1) + "k\(level):\n" }
        let site = try Robust.meetingSite(frontMatter: yaml)
        var failures: [String] = []
        let seconds = Robust.seconds { failures = site.failures() }
        // Line 38 holds k32, indented 66 spaces: the 33rd level.
        #expect(failures == [
            "\(Self.path):38:67: error: the front matter is nested more than 32 levels deep; fields need only a few levels",
        ])
        #expect(seconds < 5, "took \(seconds) s")
        Robust.expectNothingWritten(site)
    }

    @Test func blockListNesting200DeepIsRefused() throws {
        var yaml = Self.fields + "agenda:\n"
        for level in 0..<200 { yaml += String(repeating: "  ", count: level + 1) + "-\n" }
        let site = try Robust.meetingSite(frontMatter: yaml)
        // Line 38 holds the 33rd list's dash, indented 66 spaces, as for mappings above.
        Robust.expectRefused(site, [
            "\(Self.path):38:67: error: the front matter is nested more than 32 levels deep; fields need only a few levels",
        ])
    }

    // MARK: Size

    @Test func aTitleOf300KBIsRefusedAsFrontMatterTooLarge() throws {
        let site = try Robust.meetingSite(frontMatter: "title: " + String(repeating: "x", count: 300 << 10) + "\nformat: bench\noutcome: agreed\n")
        Robust.expectRefused(site, [
            "\(Self.path):2:1: error: the front matter is 300.1 KB, more than the 256 KB fields may take; move long text below the closing `---`",
        ])
    }

    /// The size is rounded down, so just over the limit reads "256 KB, more than the 256 KB".
    @Test func frontMatterJustOverTheLimitGivesAConsistentSize() throws {
        let padding = (256 << 10) + 1 - "title: \nformat: bench\noutcome: agreed".utf8.count
        let site = try Robust.meetingSite(frontMatter: "title: " + String(repeating: "x", count: padding) + "\nformat: bench\noutcome: agreed\n")
        let failures = site.failures()
        #expect(failures.count == 1)
        Robust.expectNothingWritten(site)
        #expect(failures.first?.contains("is 256 KB, more than the 256 KB") == false, "\(failures)")
    }

    /// Under the limit a long title is accepted: the page is big but correct, and quick.
    @Test func aTitleOf100KBBuilds() throws {
        let title = String(repeating: "roof ", count: 20 << 10).trimmingCharacters(in: .whitespaces)
        let site = try Robust.meetingSite(frontMatter: "title: " + title + "\nformat: bench\noutcome: agreed\n")
        var built: BuiltSite?
        let seconds = try Robust.seconds { built = try site.build() }
        #expect(seconds < 20, "took \(seconds) s")
        #expect(try built?.read("communities/c/meetings/roof/index.html").contains("<h1>" + title + "</h1>") == true)
    }

    // MARK: Shape

    @Test func frontMatterThatNeverClosesIsReported() throws {
        let site = try Robust.site([Self.path: "---\n" + Self.fields + "The body starts here.\n"])
        Robust.expectRefused(site, [
            "\(Self.path):1:1: error: the front matter is never closed; add a line `---` after the last field",
        ])
    }

    @Test func aLoneOpeningFenceIsNeverClosed() throws {
        let site = try Robust.site([Self.path: "---\n"])
        Robust.expectRefused(site, [
            "\(Self.path):1:1: error: the front matter is never closed; add a line `---` after the last field",
        ])
    }

    @Test func frontMatterThatIsAListIsRefused() throws {
        let site = try Robust.meetingSite(frontMatter: "- title: Roof\n- format: bench\n")
        Robust.expectRefused(site, [
            "\(Self.path):2:1: error: front matter holds a list; write one `field: value` per line, e.g. title: Roof repair meeting",
        ])
    }

    @Test func frontMatterThatIsAScalarIsRefused() throws {
        let site = try Robust.meetingSite(frontMatter: "just some words\n")
        Robust.expectRefused(site, [
            "\(Self.path):2:1: error: front matter holds a single value; write one `field: value` per line, e.g. title: Roof repair meeting",
        ])
    }

    @Test func emptyFrontMatterIsRefused() throws {
        let site = try Robust.meetingSite(frontMatter: "")
        Robust.expectRefused(site, [
            "\(Self.path):2:1: error: front matter holds nothing; write one `field: value` per line, e.g. title: Roof repair meeting",
        ])
    }

    @Test(arguments: ["", "  \n\n\t \n", "\n", "\u{FEFF}"])
    func anEmptyOrWhitespaceOnlyFileIsRefused(_ text: String) throws {
        let site = try Robust.site([Self.path: text])
        Robust.expectRefused(site, [
            "\(Self.path):1:1: error: the file is empty; start it with a line `---`, the fields (at least `title: ...`), then another `---` line",
        ])
    }

    @Test func aFileWithoutTheOpeningFenceIsRefused() throws {
        let site = try Robust.site([Self.path: Self.fields + "---\n"])
        Robust.expectRefused(site, [
            "\(Self.path):1:1: error: the file must start with a line `---`, then the fields, then another `---` line before the text",
        ])
    }

    @Test func brokenSiteYAMLIsLocatedInSiteYml() throws {
        let site = try Robust.site(["site.yml": "title: Small\nbase_url: [https://example.org/\n"])
        let failures = site.failures()
        #expect(failures.count == 1)
        #expect(failures.first?.hasPrefix("site.yml:") == true, "\(failures)")
        Robust.expectNothingWritten(site)
    }
}
