import Testing
@testable import BulletinEngine

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
}
