import Testing
@testable import BulletinContent
@testable import BulletinEngine
@testable import BulletinIncremental
@testable import BulletinModel
@testable import BulletinOutput
@testable import BulletinRender
@testable import BulletinSite
@testable import BulletinSupport

/// Every `>` or list marker opens a container in cmark's tree, so thousands on one line would
/// take hundreds of bytes of memory per byte of text; such a line is refused.
@Suite("Markdown nested too deeply")
struct MarkdownNestingTests {
    static let path = "communities/c/meetings/2024-01-01-roof.md"
    static let page = "communities/c/meetings/roof/index.html"

    @Test func aLineOfThousandsOfQuoteMarkersIsRefusedAtItsLine() throws {
        let body = "Intro\n\n" + String(repeating: ">", count: 5000) + " deep\n"
        let site = try Robust.site([Self.path: Robust.meeting + body])
        let line = Robust.meeting.split(separator: "\n", omittingEmptySubsequences: false).count + 2
        Robust.expectRefused(site, [
            "\(Self.path):\(line):1: error: this line opens more than 32 quotes or lists inside each other; use fewer `>` or list markers",
        ])
    }

    @Test func listMarkersCountOnlyWhenTheyOpenAList() throws {
        let body = "Intro\n\n" + String(repeating: "-", count: 80) + "\n\n- a\n  - b\n\n> > > three quotes\n\n"
            + String(repeating: "- ", count: 30) + "thirty lists\n"
        let site = try Robust.site([Self.path: Robust.meeting + body])
        let html = try site.build().read(Self.page)
        #expect(html.contains("<hr />"))
        #expect(html.contains("three quotes"))
        #expect(html.contains("thirty lists"))
    }

    /// The scan jumps from line to line with `memchr`; on random text it must find the same
    /// line as a plain byte-by-byte scan.
    @Test func theLineFoundIsTheSameAsAPlainScanFinds() {
        let pieces = [">", "> ", "-", "- ", "*", "* ", "+ ", "+", " ", "\t", "\n", "a", "中", ">>>>>>>>", "- - - - ", "\n>"]
        var generator = SeededGenerator(seed: 11)
        var refused = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...60, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = Self.plainScan(text)
            #expect(MarkdownLimits.overNested(text) == expected, "\(text.debugDescription)")
            if expected != nil { refused += 1 }
        }
        #expect(refused > 40)
    }

    private static func plainScan(_ markdown: String) -> Int? {
        let bytes = Array(markdown.utf8)
        var line = 1, depth = 0, inPrefix = true
        for i in bytes.indices {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\n") {
                (line, depth, inPrefix) = (line + 1, 0, true)
                continue
            }
            guard inPrefix else { continue }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"): continue
            case UInt8(ascii: ">"): depth += 1
            case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                let next = i + 1 < bytes.count ? bytes[i + 1] : UInt8(ascii: "\n")
                guard next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\n") else {
                    inPrefix = false
                    continue
                }
                depth += 1
            default:
                inPrefix = false
                continue
            }
            if depth > MarkdownLimits.maximumNesting { return line }
        }
        return nil
    }
}
