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
@Suite("English site: home and community pages")
struct HomeAndCommunityTests {
    @Test func homeListsTheUpcomingMeetingAndTheLatestRecords() throws {
        let home = try TestSite.builtEnglishSite().read("index.html")
        let upcoming = try #require(HTML.section(of: home, from: "id=\"upcoming-heading\"", to: "</section>"))
        #expect(HTML.itemTitles(in: upcoming) == ["Courtyard gate hearing"])
        #expect(upcoming.contains(#"href="communities/riverside/meetings/courtyard-hearing/index.html""#))
        #expect(upcoming.contains(#"<time datetime="2027-02-20">20 February 2027</time>"#))
        // Latest: newest first, scheduled meetings left to "upcoming", at most page_size (2).
        let latest = try #require(HTML.section(of: home, from: "id=\"latest-heading\"", to: "</section>"))
        #expect(HTML.itemTitles(in: latest) == ["Residents' convention (2025)", "Bins overflow at the weekend"])
    }

    @Test func aMeetingBeforeTodayIsNotUpcoming() throws {
        let site = try TestSite.fixture("en-site")
        try site.write("communities/riverside/meetings/2026-11-22-yesterday.md",
                       "---\ntitle: Yesterday's hearing\nformat: hearing\nstatus: scheduled\n---\n")
        try site.write("communities/hilltop/meetings/2026-11-23-today.md",
                       "---\ntitle: Today's bench meeting\nformat: bench\nstatus: scheduled\n---\n")
        let built = try site.build()
        let upcoming = try #require(HTML.section(of: try built.read("index.html"), from: "id=\"upcoming-heading\"", to: "</section>"))
        #expect(HTML.itemTitles(in: upcoming) == ["Today's bench meeting", "Courtyard gate hearing"])
        #expect(built.report.diagnostics.map(\.description) == [
            "communities/riverside/meetings/2026-11-22-yesterday.md:4:9: warning: status: this meeting is still `status: scheduled` but its date has passed; once it is held, set `status: held` and its `outcome`",
        ])
    }

    @Test func homeAndCommunitiesPageGroupCommunitiesByStreet() throws {
        let site = try TestSite.builtEnglishSite()
        let home = try site.read("index.html")
        let section = try #require(HTML.section(of: home, from: "id=\"communities-heading\"", to: "</section>"))
        let order = ["North Street", "Riverside Community", "South Street", "Hilltop Community"].map {
            section.range(of: $0)?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())

        let communities = try site.read("communities/index.html")
        let north = try #require(HTML.section(of: communities, from: "<h2 class=\"street-name\">North Street</h2>", to: "</section>"))
        #expect(north.contains(#"<a href="../communities/riverside/index.html">Riverside Community</a>"#))
        #expect(!north.contains("Hilltop"))
        let south = try #require(HTML.section(of: communities, from: "<h2 class=\"street-name\">South Street</h2>", to: "</section>"))
        #expect(south.contains(#"<a href="../communities/hilltop/index.html">Hilltop Community</a>"#))
    }

    @Test func communityCardsCountRecordsAndOpenProblems() throws {
        let communities = try TestSite.builtEnglishSite().read("communities/index.html")
        let riverside = try #require(HTML.section(of: communities, from: "Riverside Community</a>", to: "</li>"))
        #expect(riverside.contains("<dt>Meeting reports</dt><dd>3</dd>"))
        #expect(riverside.contains("<dt>Conventions</dt><dd>2</dd>"))
        #expect(riverside.contains("<dt>Activities</dt><dd>1</dd>"))
        #expect(riverside.contains("<dt>Residents&#39; problems</dt><dd>2</dd>"))
        #expect(riverside.contains("<div class=\"counts-open\"><dt>Problems still open</dt><dd>1</dd></div>"))
    }

    @Test func communityPageShowsTheLedgerCounts() throws {
        let site = try TestSite.builtEnglishSite()
        let riverside = try #require(HTML.section(of: try site.read("communities/riverside/index.html"),
                                                  from: "<dl class=\"ledger-counts\">", to: "</dl>"))
        #expect(riverside.contains("<div class=\"ledger-raised\"><dt>Problems raised</dt><dd>2</dd></div>"))
        #expect(riverside.contains("<div class=\"ledger-resolved\"><dt>Resolved</dt><dd>1</dd></div>"))
        #expect(riverside.contains("<div class=\"ledger-open\"><dt>Still open</dt><dd>1</dd></div>"))

        let hilltop = try #require(HTML.section(of: try site.read("communities/hilltop/index.html"),
                                                from: "<dl class=\"ledger-counts\">", to: "</dl>"))
        #expect(hilltop.contains("<div class=\"ledger-raised\"><dt>Problems raised</dt><dd>1</dd></div>"))
        #expect(hilltop.contains("<div class=\"ledger-resolved\"><dt>Resolved</dt><dd>0</dd></div>"))
        #expect(hilltop.contains("<div class=\"ledger-in-progress\"><dt>Of these, being worked on</dt><dd>1</dd></div>"))
    }

    @Test func communityPageShowsProfileAndOnlyConventionsInForce() throws {
        let page = try TestSite.builtEnglishSite().read("communities/riverside/index.html")
        #expect(page.contains("<h1>Riverside Community</h1>"))
        #expect(page.contains("<p class=\"page-meta\">North Street · Test District</p>"))
        #expect(page.contains("<p>Riverside lies along the canal. It has <strong>twelve</strong> buildings.</p>"))
        #expect(page.contains("<div class=\"fact\"><dt>Households</dt><dd>1200</dd></div>"))
        let inForce = try #require(HTML.section(of: page, from: "id=\"conventions-heading\"", to: "</section>"))
        #expect(HTML.itemTitles(in: inForce) == ["Residents' convention (2025)"])
        let lists = try #require(HTML.section(of: page, from: "id=\"lists-heading\"", to: "</section>"))
        #expect(lists.contains(#"<a href="../../communities/riverside/meetings/index.html">Meeting reports</a> <span class="list-count">(3)</span>"#))
    }
}
