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

@Suite("Atom feeds and sitemap")
struct FeedAndSitemapTests {
    static let base = "https://bulletin.example.org/"

    /// The output file an absolute URL of the site names (`…/` → `…/index.html`).
    static func outputPath(of url: String, base: String = base) -> String? {
        guard url.hasPrefix(base) else { return nil }
        let path = String(url.dropFirst(base.count))
        let decoded = path.removingPercentEncoding ?? path
        return decoded.isEmpty || decoded.hasSuffix("/") ? decoded + "index.html" : decoded
    }

    static func parse(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> XMLReader {
        let xml = XMLReader.parse(text)
        try #require(xml.error == nil, "not well-formed XML: \(xml.error ?? "")", sourceLocation: sourceLocation)
        return xml
    }

    @Test func siteFeedIsValidAtomWithAbsoluteLinksNewestFirst() throws {
        let site = try TestSite.builtEnglishSite()
        let feed = try Self.parse(try site.read("feed.xml"))
        #expect(feed.named("feed").first?.attributes["xmlns"] == "http://www.w3.org/2005/Atom")
        #expect(feed.named("feed").first?.attributes["xml:lang"] == "en")
        #expect(feed.texts(of: "title", in: "feed") == ["Test Town Bulletin"])
        #expect(feed.texts(of: "name", in: "author") == ["Test Town Street Office"])
        let selfLink = feed.named("link").first { $0.ancestors.last == "feed" && $0.attributes["rel"] == "self" }
        #expect(selfLink?.attributes["href"] == "https://bulletin.example.org/feed.xml")

        let titles = feed.texts(of: "title", in: "entry")
        #expect(titles == [
            "Courtyard gate hearing", "Residents' convention (2025)", "Bins overflow at the weekend",
            "Lift in building 3, round 2", #"Spring clean <script>alert(1)</script> with "quotes" & ampersands"#,
            "Lift in building 3, round 1", "Lift in building 3 stops between floors", "Parking on the hill road",
            "Cars block the fire lane on the hill road", "Residents' convention (2023)",
        ])
        let updated = feed.texts(of: "updated", in: "entry")
        // The 2027 meeting is announced, so it leads the feed, but nothing is updated after today.
        #expect(updated.first == "2026-11-23T00:00:00Z")
        #expect(updated == updated.sorted(by: >), "entries newest first")
        #expect(feed.texts(of: "updated", in: "feed") == [updated[0]])

        let links = feed.named("link").filter { $0.ancestors.last == "entry" }.compactMap { $0.attributes["href"] }
        #expect(links.count == titles.count)
        #expect(feed.texts(of: "id", in: "entry") == links)
        for link in links {
            let path = try #require(Self.outputPath(of: link), "\(link) is not under base_url")
            #expect(site.exists(path), "\(link) names no page")
        }
        #expect(links[3] == "https://bulletin.example.org/communities/riverside/meetings/lift-round-2/")
        // Tags become categories; summaries are the first paragraph or the summary field.
        let categories = feed.named("category").filter { $0.ancestors.last == "entry" }.compactMap { $0.attributes["term"] }
        #expect(categories.contains("building 3"))
        #expect(feed.texts(of: "summary", in: "entry").contains("Owners approved the repair quote."))
    }

    @Test func communityFeedHoldsOnlyThatCommunity() throws {
        let site = try TestSite.builtEnglishSite()
        let feed = try Self.parse(try site.read("communities/hilltop/feed.xml"))
        #expect(feed.texts(of: "title", in: "entry") == ["Parking on the hill road", "Cars block the fire lane on the hill road"])
        #expect(feed.texts(of: "title", in: "feed") == ["Hilltop Community · Test Town Bulletin"])
        let selfLink = feed.named("link").first { $0.ancestors.last == "feed" && $0.attributes["rel"] == "self" }
        #expect(selfLink?.attributes["href"] == "https://bulletin.example.org/communities/hilltop/feed.xml")
        let alternate = feed.named("link").first { $0.ancestors.last == "feed" && $0.attributes["rel"] == "alternate" }
        #expect(alternate?.attributes["href"] == "https://bulletin.example.org/communities/hilltop/")

        let riverside = try Self.parse(try site.read("communities/riverside/feed.xml"))
        let updated = riverside.texts(of: "updated", in: "entry")
        #expect(updated.count == 8)
        #expect(updated == updated.sorted(by: >))
    }

    @Test func pagesLinkTheirFeed() throws {
        let site = try TestSite.builtEnglishSite()
        #expect(try site.read("index.html").contains(#"<link rel="alternate" type="application/atom+xml" title="Test Town Bulletin" href="feed.xml">"#))
        #expect(try site.read("communities/hilltop/meetings/parking-bench/index.html")
            .contains(#"type="application/atom+xml" title="Test Town Bulletin" href="../../../../communities/hilltop/feed.xml">"#))
    }

    @Test func sitemapListsEveryPageOnceWithAbsoluteURLs() throws {
        let site = try TestSite.builtEnglishSite()
        let sitemap = try Self.parse(try site.read("sitemap.xml"))
        #expect(sitemap.named("urlset").first?.attributes["xmlns"] == "http://www.sitemaps.org/schemas/sitemap/0.9")
        let locs = sitemap.texts(of: "loc", in: "url")
        #expect(Set(locs).count == locs.count, "no page twice")
        let paths = try locs.map { loc in try #require(Self.outputPath(of: loc), "\(loc) is not under base_url") }
        let pages = site.htmlFiles.filter { $0 != "404.html" }
        #expect(paths.sorted() == pages)
        #expect(locs.contains("https://bulletin.example.org/"))
        #expect(locs.contains("https://bulletin.example.org/communities/riverside/meetings/page/2/"))
    }

    @Test func feedTimestampsUseTheSiteTimeZone() throws {
        let site = try TestSite.fixture("en-site")
        try site.write("site.yml", try site.read("site.yml").replacingOccurrences(of: "time_zone: UTC", with: "time_zone: Asia/Shanghai"))
        let feed = try Self.parse(try site.build().read("feed.xml"))
        #expect(feed.texts(of: "updated", in: "entry").dropFirst().first == "2025-01-20T00:00:00+08:00")
    }
}
