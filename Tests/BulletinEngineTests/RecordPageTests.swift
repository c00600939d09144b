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
@Suite("English site: record pages")
struct RecordPageTests {
    @Test func everyRecordHasAPageInItsKindFolder() throws {
        let site = try TestSite.builtEnglishSite()
        for page in EnglishSiteTests.recordPages {
            #expect(site.exists(page), "missing \(page)")
        }
        let meeting = try site.read("communities/riverside/meetings/lift-round-1/index.html")
        #expect(meeting.contains("<h1>Lift in building 3, round 1</h1>"))
        #expect(meeting.contains("<dt>Type of meeting</dt>\n        <dd>Residents&#39; council meeting</dd>"))
        #expect(meeting.contains("<dd>5 March 2024, 19:00–20:30</dd>"))
        #expect(meeting.contains("<span class=\"badge outcome-deferred\">"))
        #expect(meeting.contains("<tr><th scope=\"row\">Residents of building 3</th><td class=\"num\">20</td></tr>"))
        #expect(!meeting.contains("format:"), "fields are shown in words, not YAML")
    }

    @Test func problemPageLinksEveryMeetingThatDealtWithItOldestFirst() throws {
        let page = try TestSite.builtEnglishSite().read("communities/riverside/problems/lift-building-3/index.html")
        let meetings = try #require(HTML.section(of: page, from: "id=\"meetings-heading\"", to: "</section>"))
        #expect(HTML.itemTitles(in: meetings) == ["Lift in building 3, round 1", "Lift in building 3, round 2"])
        #expect(meetings.contains(#"href="../../../../communities/riverside/meetings/lift-round-1/index.html""#))
        #expect(meetings.contains(#"href="../../../../communities/riverside/meetings/lift-round-2/index.html""#))
        #expect(page.contains("<time datetime=\"2024-06-10\">10 June 2024</time>"))
        #expect(page.contains("<span class=\"badge badge-urgent\">Urgent</span>"))
    }

    @Test func aProblemNoMeetingDealtWithSaysSo() throws {
        let page = try TestSite.builtEnglishSite().read("communities/riverside/problems/bins-overflowing/index.html")
        let meetings = try #require(HTML.section(of: page, from: "id=\"meetings-heading\"", to: "</section>"))
        #expect(HTML.itemTitles(in: meetings).isEmpty)
        #expect(meetings.contains("<p class=\"empty\">"))
    }

    @Test func meetingPageLinksTheProblemsItDealtWith() throws {
        let page = try TestSite.builtEnglishSite().read("communities/riverside/meetings/lift-round-2/index.html")
        let problems = try #require(HTML.section(of: page, from: "id=\"problems-heading\"", to: "</section>"))
        #expect(HTML.itemTitles(in: problems) == ["Lift in building 3 stops between floors"])
        #expect(problems.contains(#"href="../../../../communities/riverside/problems/lift-building-3/index.html""#))
    }

    @Test func conventionPagesLinkSupersededAndSupersedingVersions() throws {
        let site = try TestSite.builtEnglishSite()
        let old = try site.read("communities/riverside/conventions/residents-convention-2023/index.html")
        let notice = try #require(HTML.section(of: old, from: "<p class=\"notice notice-superseded\">", to: "</p>"))
        #expect(notice.contains(#"<a href="../../../../communities/riverside/conventions/residents-convention-2025/index.html">Residents&#39; convention (2025)</a>"#))
        #expect(!old.contains("<p class=\"supersedes\">"))

        let new = try site.read("communities/riverside/conventions/residents-convention-2025/index.html")
        let supersedes = try #require(HTML.section(of: new, from: "<p class=\"supersedes\">", to: "</p>"))
        #expect(supersedes.contains(#"<a href="../../../../communities/riverside/conventions/residents-convention-2023/index.html">Residents&#39; convention (2023)</a>"#))
        #expect(!new.contains("notice-superseded"))
        #expect(new.contains("<tr><th scope=\"row\">Total</th><td class=\"num\">223</td></tr>"))
    }

    @Test func bundleFilesAreCopiedBesideThePage() throws {
        let site = try TestSite.builtEnglishSite()
        let bundle = "communities/riverside/meetings/2024-05-18-lift-round-2/"
        let folder = "communities/riverside/meetings/lift-round-2/"
        for file in ["sign-in-sheet.txt", "photos/site-plan.svg"] {
            let source = try Data(contentsOf: Repo.fixtures.appendingPathComponent("en-site/" + bundle + file))
            let copied = try Data(contentsOf: site.folder.appendingPathComponent(folder + file))
            #expect(copied == source, "\(file) differs from its source")
        }
        let page = try site.read(folder + "index.html")
        #expect(page.contains(#"<img src="photos/site-plan.svg" alt="Site plan of building 3" />"#))
        #expect(page.contains(#"<a href="sign-in-sheet.txt">sign-in sheet</a>"#))
        #expect(!site.exists(folder + "index.md"), "the bundle's Markdown is not published raw")
    }

    @Test func recordPagesHaveBreadcrumbsToTheirCommunityList() throws {
        let page = try TestSite.builtEnglishSite().read("communities/hilltop/problems/hill-road-parking/index.html")
        let crumbs = try #require(HTML.section(of: page, from: "<nav class=\"breadcrumbs\"", to: "</nav>"))
        #expect(crumbs.contains(#"<li><a href="../../../../communities/hilltop/index.html">Hilltop Community</a></li>"#))
        #expect(crumbs.contains(#"<li><a href="../../../../communities/hilltop/problems/index.html">"#))
        #expect(crumbs.contains("<li><span aria-current=\"page\">Cars block the fire lane on the hill road</span></li>"))
    }
}
