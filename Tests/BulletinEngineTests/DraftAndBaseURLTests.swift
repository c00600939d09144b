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

@Suite("Drafts and base_url")
struct DraftAndBaseURLTests {
    static let draftPage = "communities/riverside/meetings/unfinished-minutes/index.html"

    @Test func draftsAreLeftOutByDefault() throws {
        let site = try TestSite.builtEnglishSite()
        #expect(!site.exists(Self.draftPage))
        for file in site.files where file.hasSuffix(".html") || file.hasSuffix(".xml") {
            let text = try site.read(file)
            #expect(!text.contains("Unfinished minutes"), "\(file) mentions the draft")
            #expect(!text.contains("unfinished-minutes"), "\(file) links the draft")
        }
    }

    @Test func draftsAreBuiltWhenAsked() throws {
        let site = try TestSite.builtEnglishSite(includeDrafts: true)
        let page = try site.read(Self.draftPage)
        #expect(page.contains("<h1>Unfinished minutes</h1>"))
        #expect(page.contains("<p class=\"notice notice-draft\">"))
        // Listed by its date (1 June 2024), marked as a draft; the site-wide list now needs 3 pages.
        let list = try site.read("communities/riverside/meetings/index.html")
        #expect(HTML.itemTitles(in: list) == ["Courtyard gate hearing", "Unfinished minutes"])
        #expect(list.contains("<span class=\"badge badge-draft\">"))
        #expect(site.exists("meetings/page/3/index.html"))
        #expect(try LinkChecker.brokenLinks(in: site) == [])
    }

    @Test func aDraftFreePageIsLeftOutOfTheMenu() throws {
        let site = try TestSite.fixture("en-site")
        try site.write("pages/draft-page.md", "---\ntitle: Work in progress\nmenu: 3\ndraft: true\n---\nSoon.\n")
        let built = try site.build()
        #expect(!built.exists("draft-page/index.html"))
        #expect(!(try built.read("index.html")).contains("Work in progress"))
        let withDrafts = try site.build(includeDrafts: true)
        #expect(try withDrafts.read("index.html").contains(#"<a href="draft-page/index.html">Work in progress</a>"#))
    }

    @Test func aMeetingLinkingADraftProblemWarnsAndDoesNotLink() throws {
        let site = try TestSite.fixture("en-site")
        try site.write("communities/hilltop/problems/hill-road-parking.md",
                       try site.read("communities/hilltop/problems/hill-road-parking.md")
                        .replacingOccurrences(of: "status: in_progress\n", with: "status: in_progress\ndraft: true\n"))
        let built = try site.build()
        #expect(built.report.diagnostics.map(\.description) == [
            "communities/hilltop/meetings/2024-02-10-parking-bench.md:5:11: warning: problems: problem \"hill-road-parking\" is a draft, so this meeting does not link to it until it is published",
        ])
        #expect(!built.exists("communities/hilltop/problems/hill-road-parking/index.html"))
        #expect(try LinkChecker.brokenLinks(in: built) == [])
    }

    @Test func withoutBaseURLThereAreNoFeedsNoSitemapAndAWarning() throws {
        let site = try TestSite.fixture("en-site")
        try site.write("site.yml", try site.read("site.yml")
            .replacingOccurrences(of: "base_url: \"https://bulletin.example.org/\"\n", with: ""))
        let built = try site.build()
        #expect(built.report.diagnostics.map(\.description) == [
            "site.yml:1:1: warning: base_url: is not set, so feed.xml, the community feeds and sitemap.xml are not written; add base_url: https://… to publish them",
        ])
        #expect(built.files.filter { $0.hasSuffix(".xml") } == [])
        for page in built.htmlFiles {
            #expect(!(try built.read(page)).contains("application/atom+xml"), "\(page) links a feed")
        }
        #expect(try LinkChecker.brokenLinks(in: built) == [])
        // The 404 page, shown at any address, links from the server root.
        #expect(try built.read("404.html").contains(#"<a href="/communities/index.html">"#))
    }

    @Test func checkReportsTheSameWarningWithoutWriting() throws {
        let site = try TestSite.files([
            "site.yml": "title: Tiny\n",
            "communities/c/community.md": "---\nname: C\nstreet: S\n---\n",
        ])
        let report = try Builder(options: site.options()).check()
        #expect(report.diagnostics.map(\.description) == [
            "site.yml:1:1: warning: base_url: is not set, so feed.xml, the community feeds and sitemap.xml are not written; add base_url: https://… to publish them",
        ])
        #expect(report.pagesWritten == 0)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }
}
