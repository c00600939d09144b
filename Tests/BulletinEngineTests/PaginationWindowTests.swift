import Testing
@testable import BulletinContent
@testable import BulletinEngine
@testable import BulletinIncremental
@testable import BulletinModel
@testable import BulletinOutput
@testable import BulletinRender
@testable import BulletinSite
@testable import BulletinSupport

/// Long lists link the first and last pages and two either side of the current one, so a
/// reader on a phone gets a handful of links, not hundreds.
@Suite("Pagination window")
struct PaginationWindowTests {
    @Test func shortListsLinkEveryPage() {
        #expect(PageContext.pageWindow(current: 1, count: 1) == [1])
        #expect(PageContext.pageWindow(current: 3, count: 5) == [1, 2, 3, 4, 5])
    }

    @Test func longListsLeaveOutTheFarPages() {
        #expect(PageContext.pageWindow(current: 1, count: 300) == [1, 2, 3, nil, 300])
        #expect(PageContext.pageWindow(current: 150, count: 300) == [1, nil, 148, 149, 150, 151, 152, nil, 300])
        #expect(PageContext.pageWindow(current: 300, count: 300) == [1, nil, 298, 299, 300])
    }

    /// A gap of one page would hide a single link behind "…", so that page is shown instead.
    @Test func aGapOfOnePageShowsThePage() {
        #expect(PageContext.pageWindow(current: 5, count: 10) == [1, 2, 3, 4, 5, 6, 7, nil, 10])
    }

    @Test func aLongListPageShowsAGapAndStillLinksEveryNeighbour() throws {
        var files = [
            "site.yml": "title: Long\nbase_url: https://example.org/\npage_size: 1\n",
            "communities/c/community.md": "---\nname: C\nstreet: S\n---\n",
        ]
        for day in 1...12 {
            let date = "2024-01-\(day < 10 ? "0" : "")\(day)"
            files["communities/c/activities/\(date)-a\(day).md"] = "---\ntitle: A\(day)\ncategory: sports\n---\n"
        }
        let built = try TestSite.files(files).build()
        let page = try built.read("activities/page/6/index.html")
        #expect(page.contains("pagination-gap"))
        for neighbour in [4, 5, 7, 8] {
            #expect(page.contains("href=\"../../../activities/page/\(neighbour)/index.html\""), "page \(neighbour)")
        }
        #expect(page.contains("href=\"../../../activities/page/12/index.html\""))
        #expect(!page.contains("href=\"../../../activities/page/10/index.html\""))
    }
}
