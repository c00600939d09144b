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

/// The English fixture (see EnglishSiteTests for its records).
@Suite("English site: lists, pagination and tags")
struct ListsAndTagsTests {
    @Test func listsArePaginatedNewestFirstWithPreviousAndNextLinks() throws {
        let site = try TestSite.builtEnglishSite()
        let first = try site.read("meetings/index.html")
        #expect(HTML.itemTitles(in: first) == ["Courtyard gate hearing", "Lift in building 3, round 2"])
        #expect(first.contains(#"<a href="../meetings/page/2/index.html" rel="next">"#))
        #expect(!first.contains("rel=\"prev\""))
        #expect(first.contains("<p class=\"pagination-status\">Page 1 of 2</p>"))

        let second = try site.read("meetings/page/2/index.html")
        #expect(HTML.itemTitles(in: second) == ["Lift in building 3, round 1", "Parking on the hill road"])
        #expect(second.contains(#"<a href="../../../meetings/index.html" rel="prev">"#))
        #expect(!second.contains("rel=\"next\""))
        #expect(second.contains("<title>Meeting reports · Page 2 · Test Town Bulletin</title>"))
        #expect(!site.exists("meetings/page/3/index.html"))

        let community = try site.read("communities/riverside/meetings/page/2/index.html")
        #expect(HTML.itemTitles(in: community) == ["Lift in building 3, round 1"])
    }

    @Test func aListThatFitsOnOnePageHasNoPagination() throws {
        let page = try TestSite.builtEnglishSite().read("conventions/index.html")
        #expect(HTML.itemTitles(in: page) == ["Residents' convention (2025)", "Residents' convention (2023)"])
        #expect(!page.contains("class=\"pagination\""))
    }

    @Test func siteWideListsHoldEveryCommunity() throws {
        let site = try TestSite.builtEnglishSite()
        #expect(HTML.itemTitles(in: try site.read("activities/index.html"))
                == [#"Spring clean <script>alert(1)</script> with "quotes" & ampersands"#])
        let second = try site.read("meetings/page/2/index.html")
        #expect(second.contains(#"<a href="../../../communities/hilltop/index.html">Hilltop Community</a>"#))
        #expect(second.contains(#"<a href="../../../communities/riverside/index.html">Riverside Community</a>"#))
    }

    @Test func tagsMergeSpellingsAndListTheirRecords() throws {
        let site = try TestSite.builtEnglishSite()
        let index = try site.read("tags/index.html")
        let tags = try #require(HTML.section(of: index, from: "<ul class=\"tag-index\">", to: "</ul>"))
        #expect(tags == """

          <li><a href="../tags/building-3/index.html">building 3</a> <span class="tag-count">(1)</span></li>
          <li><a href="../tags/environment/index.html">environment</a> <span class="tag-count">(1)</span></li>
          <li><a href="../tags/lift/index.html">Lift</a> <span class="tag-count">(4)</span></li>

        """)
        let lift = try site.read("tags/lift/index.html")
        #expect(lift.contains("<h1>Lift</h1>"))
        #expect(HTML.itemTitles(in: lift) == ["Lift in building 3, round 2", #"Spring clean <script>alert(1)</script> with "quotes" & ampersands"#])
        #expect(HTML.itemTitles(in: try site.read("tags/lift/page/2/index.html"))
                == ["Lift in building 3, round 1", "Lift in building 3 stops between floors"])
        let meeting = try site.read("communities/riverside/meetings/lift-round-1/index.html")
        #expect(meeting.contains(#"<a href="../../../../tags/building-3/index.html">building 3</a>"#))
    }
}

/// A list entry shows a record's summary (or first paragraph) cut after 280 characters, at
/// the last space before the cut when there is one.
@Suite("List summaries")
struct ListSummaryTests {
    static func listedSummary(_ summary: String) throws -> String {
        let site = try Robust.meetingSite(frontMatter: "title: Roof\nformat: bench\noutcome: agreed\nsummary: \"\(summary)\"\n")
        let list = try site.build().read("meetings/index.html")
        return HTML.section(of: list, from: "<p class=\"item-summary\">", to: "</p>") ?? ""
    }

    @Test func aLongSummaryIsCutAtTheLastSpace() throws {
        let words = Array(repeating: "residents", count: 40).joined(separator: " ")
        let shown = try Self.listedSummary(words)
        #expect(shown == Array(repeating: "residents", count: 28).joined(separator: " ") + "…")
    }

    @Test func aSummaryOfExactlyTheLengthIsKept() throws {
        let text = String(repeating: "a", count: 280)
        #expect(try Self.listedSummary(text) == text)
    }

    /// An accent written as a separate mark after the 280th letter belongs to that letter.
    @Test func aCutDoesNotSplitALetterFromItsAccent() throws {
        let shown = try Self.listedSummary(String(repeating: "a", count: 279) + "e\\u0301" + String(repeating: "b", count: 30))
        #expect(shown.unicodeScalars.elementsEqual((String(repeating: "a", count: 279) + "e\u{301}…").unicodeScalars))
    }

    @Test func chineseIsCutByCharacters() throws {
        let shown = try Self.listedSummary(String(repeating: "居民议事", count: 80))
        #expect(shown == String(repeating: "居民议事", count: 70) + "…")
    }
}
