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

/// The English fixture (`Fixtures/en-site`), built end to end with the real theme.
/// Published records, newest first:
///   2027-02-20 courtyard-hearing (scheduled) · 2025-01-20 convention-2025 · 2024-07-01 bins-overflowing ·
///   2024-05-18 lift-round-2 (bundle) · 2024-04-20 spring-clean · 2024-03-05 lift-round-1 ·
///   2024-02-20 lift-building-3 · 2024-02-10 parking-bench (hilltop) · 2024-01-15 hill-road-parking (hilltop) ·
///   2023-01-15 convention-2023. The draft 2024-06-01 unfinished-minutes is left out.
@Suite("English site, end to end")
struct EnglishSiteTests {
    static let recordPages = [
        "communities/hilltop/meetings/parking-bench/index.html",
        "communities/hilltop/problems/hill-road-parking/index.html",
        "communities/riverside/activities/spring-clean/index.html",
        "communities/riverside/conventions/residents-convention-2023/index.html",
        "communities/riverside/conventions/residents-convention-2025/index.html",
        "communities/riverside/meetings/courtyard-hearing/index.html",
        "communities/riverside/meetings/lift-round-1/index.html",
        "communities/riverside/meetings/lift-round-2/index.html",
        "communities/riverside/problems/bins-overflowing/index.html",
        "communities/riverside/problems/lift-building-3/index.html",
    ]

    @Test func writesExactlyTheExpectedFiles() throws {
        let site = try TestSite.builtEnglishSite()
        let lists = ["meetings", "activities", "conventions", "problems"].flatMap { kind in
            ["communities/hilltop/\(kind)/index.html", "communities/riverside/\(kind)/index.html"]
        }
        let expected = Self.recordPages + lists + [
            ".bulletin-output", "404.html", "index.html", "feed.xml", "sitemap.xml", "assets/style.css",
            "about/index.html", "take-part/index.html", "imprint/index.html", "media/notice.txt",
            "communities/index.html", "communities/hilltop/index.html", "communities/riverside/index.html",
            "communities/hilltop/feed.xml", "communities/riverside/feed.xml",
            "communities/riverside/meetings/page/2/index.html",
            "communities/riverside/meetings/lift-round-2/sign-in-sheet.txt",
            "communities/riverside/meetings/lift-round-2/photos/site-plan.svg",
            "meetings/index.html", "meetings/page/2/index.html", "activities/index.html", "conventions/index.html",
            "problems/index.html", "problems/page/2/index.html",
            "tags/index.html", "tags/lift/index.html", "tags/lift/page/2/index.html",
            "tags/building-3/index.html", "tags/environment/index.html",
        ]
        #expect(site.files == expected.sorted())
        #expect(site.report.pagesWritten == expected.count - 1)  // every file but the marker
        #expect(site.report.diagnostics.isEmpty)
    }

    @Test func noLinkOfTheWholeSiteIsBroken() throws {
        let site = try TestSite.builtEnglishSite()
        #expect(try LinkChecker.brokenLinks(in: site) == [])
        // The checker does look at every page: the home page alone has dozens of links.
        #expect(HTML.links(in: try site.read("index.html")).count > 20)
    }

    @Test func theLinkCheckerCatchesAMissingTarget() throws {
        let site = try TestSite.builtEnglishSite()
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("communities/hilltop/index.html"))
        let broken = try LinkChecker.brokenLinks(in: site)
        #expect(broken.contains(LinkChecker.Broken(page: "index.html", link: "communities/hilltop/index.html",
                                                   resolved: "communities/hilltop/index.html")))
    }

    @Test func everyPageIsInEnglish() throws {
        let site = try TestSite.builtEnglishSite()
        for page in site.htmlFiles {
            let html = try site.read(page)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"), "\(page)")
        }
    }

    @Test func everyPageHasExactlyOneH1() throws {
        let site = try TestSite.builtEnglishSite(includeDrafts: true)
        #expect(site.htmlFiles.count > 30)
        for page in site.htmlFiles {
            #expect(HTML.h1Count(try site.read(page)) == 1, "\(page)")
        }
    }

    @Test func freePagesAreInTheMenuByTheirMenuNumber() throws {
        let site = try TestSite.builtEnglishSite()
        let home = try site.read("index.html")
        let menu = try #require(HTML.section(of: home, from: "<nav class=\"site-nav\"", to: "</nav>"))
        let titles = ["Home", "Communities", "Meeting reports", "Activities", "Conventions", "Topics",
                      "How to take part", "About this bulletin"]
        let positions = titles.map { menu.range(of: ">\($0)</a>")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "menu: \(menu)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(!menu.contains("Imprint"))
        #expect(menu.contains(#"<a href="index.html" aria-current="page">Home</a>"#))

        let about = try site.read("about/index.html")
        #expect(about.contains(#"<a href="../about/index.html" aria-current="page">About this bulletin</a>"#))
        #expect(about.contains("<h2>About</h2>"))
        #expect(about.contains("<h3>Who writes it</h3>"))
        #expect(site.exists("imprint/index.html"))
        #expect(try site.read("media/notice.txt") == "A shared file, published under media/.\n")
    }

    /// A record page starts from the record's list entry; a meeting without its own `summary`
    /// must not show the entry's excerpt of the minutes as if it were one.
    @Test func aMeetingWithoutASummaryShowsNone() throws {
        let site = try TestSite.builtEnglishSite()
        let page = try site.read("communities/riverside/meetings/lift-round-1/index.html")
        #expect(!page.contains(#"<p class="summary">"#))
        let list = try site.read("communities/riverside/meetings/index.html")
        #expect(list.contains(#"<p class="item-summary">"#))
        let withSummary = try site.read("communities/riverside/meetings/lift-round-2/index.html")
        #expect(withSummary.contains(#"<p class="summary">"#))
    }

    @Test func notFoundPageLinksFromTheSiteRoot() throws {
        let site = try TestSite.builtEnglishSite()
        let page = try site.read("404.html")
        #expect(page.contains(#"<link rel="stylesheet" href="/assets/style.css">"#))
        #expect(page.contains(#"<a href="/communities/index.html">"#))
        #expect(HTML.links(in: page).allSatisfy { $0.hasPrefix("/") || $0.hasPrefix("#") })
    }
}
