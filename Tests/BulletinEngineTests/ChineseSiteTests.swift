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

/// The zh-CN fixture (`Fixtures/zh-site`): a community folder in Chinese letters, Chinese slugs,
/// enumerated values written as their Chinese display names, served under `/gonggao/`.
@Suite("Chinese site, end to end")
struct ChineseSiteTests {
    static func built() throws -> BuiltSite { try TestSite.fixture("zh-site").build() }

    @Test func everyPageIsInChinese() throws {
        let site = try Self.built()
        for page in site.htmlFiles {
            let html = try site.read(page)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"), "\(page)")
            #expect(HTML.h1Count(html) == 1, "\(page)")
        }
        #expect(XMLReader.parse(try site.read("feed.xml")).named("feed").first?.attributes["xml:lang"] == "zh-CN")
    }

    @Test func chineseNamesGiveChinesePaths() throws {
        let site = try Self.built()
        for page in ["communities/青友园/index.html", "communities/青友园/meetings/电梯议事会/index.html",
                     "communities/青友园/problems/七号楼电梯/index.html", "communities/青友园/conventions/居民公约/index.html",
                     "communities/青友园/activities/电梯安全日/index.html", "tags/电梯/index.html", "关于/index.html"] {
            #expect(site.exists(page), "missing \(page)")
        }
    }

    @Test func datesAreWrittenTheChineseWay() throws {
        let page = try Self.built().read("communities/青友园/meetings/电梯议事会/index.html")
        #expect(page.contains(#"<time datetime="2023-11-21">2023年11月21日</time>"#))
        let problem = try Self.built().read("communities/青友园/problems/七号楼电梯/index.html")
        #expect(problem.contains(#"<time datetime="2024-02-29">2024年2月29日</time>"#))
    }

    @Test func chineseDisplayNamesAreAcceptedForEnumeratedValues() throws {
        let site = try Self.built()
        let meeting = try site.read("communities/青友园/meetings/电梯议事会/index.html")
        #expect(meeting.contains("status-held"))                      // status: 已召开
        #expect(meeting.contains("outcome-agreed_with_conditions"))   // outcome: 有条件同意
        #expect(meeting.contains("<dd>板凳会</dd>"))                    // format: 板凳会
        let scheduled = try site.read("communities/青友园/meetings/听证会/index.html")
        #expect(scheduled.contains("status-scheduled"))               // status: 待召开
        let problem = try site.read("communities/青友园/problems/七号楼电梯/index.html")
        #expect(problem.contains("status-resolved"))                  // status: 已解决
        #expect(problem.contains("<dd>设施设备</dd>"))                   // category: 设施设备
        let other = try site.read("communities/qingyouyuan-east/meetings/roundtable/index.html")
        #expect(other.contains("outcome-deferred"))                   // outcome: 暂缓，再议
        let home = try site.read("index.html")
        let upcoming = try #require(HTML.section(of: home, from: "id=\"upcoming-heading\"", to: "</section>"))
        #expect(HTML.itemTitles(in: upcoming) == ["电梯更新听证会"])
    }

    @Test func chineseLinksArePercentEncodedAndAllResolve() throws {
        let site = try Self.built()
        let home = try site.read("index.html")
        #expect(home.contains(#"href="communities/%E9%9D%92%E5%8F%8B%E5%9B%AD/index.html""#))
        #expect(!HTML.links(in: home).contains { $0.contains("青") })
        #expect(try LinkChecker.brokenLinks(in: site, rootPath: "/gonggao/") == [])
    }

    @Test func problemPageLinksBothRoundsOfMeetings() throws {
        let page = try Self.built().read("communities/青友园/problems/七号楼电梯/index.html")
        let meetings = try #require(HTML.section(of: page, from: "id=\"meetings-heading\"", to: "</section>"))
        #expect(HTML.itemTitles(in: meetings) == ["七号楼电梯板凳会", "七号楼电梯议事会（第二轮）"])
        #expect(meetings.contains(#"href="../../../../communities/%E9%9D%92%E5%8F%8B%E5%9B%AD/meetings/%E7%94%B5%E6%A2%AF%E8%AE%AE%E4%BA%8B%E4%BC%9A/index.html""#))
    }

    @Test func notFoundPageLinksUnderTheBasePath() throws {
        let page = try Self.built().read("404.html")
        #expect(page.contains(#"<a href="/gonggao/communities/index.html">"#))
        #expect(page.contains(#"href="/gonggao/%E5%85%B3%E4%BA%8E/index.html""#))
    }

    @Test func feedAndSitemapCarryEncodedAbsoluteURLsAndShanghaiTime() throws {
        let site = try Self.built()
        let base = "https://bulletin.example.cn/gonggao/"
        let feed = XMLReader.parse(try site.read("communities/青友园/feed.xml"))
        #expect(feed.error == nil)
        let links = feed.named("link").filter { $0.ancestors.last == "entry" }.compactMap { $0.attributes["href"] }
        #expect(links.contains(base + "communities/%E9%9D%92%E5%8F%8B%E5%9B%AD/meetings/%E7%94%B5%E6%A2%AF%E8%AE%AE%E4%BA%8B%E4%BC%9A/"))
        for link in links {
            let path = try #require(FeedAndSitemapTests.outputPath(of: link, base: base))
            #expect(site.exists(path), "\(link)")
        }
        #expect(feed.texts(of: "updated", in: "entry").last == "2023-10-08T00:00:00+08:00")

        let sitemap = XMLReader.parse(try site.read("sitemap.xml"))
        #expect(sitemap.error == nil)
        let paths = try sitemap.texts(of: "loc", in: "url").map { try #require(FeedAndSitemapTests.outputPath(of: $0, base: base)) }
        #expect(paths.sorted() == site.htmlFiles.filter { $0 != "404.html" })
    }

    @Test func tagPagesAreNamedInChinese() throws {
        let site = try Self.built()
        let tag = try site.read("tags/电梯/index.html")
        #expect(tag.contains("<h1>电梯</h1>"))
        // 3 records tagged 电梯 with page_size 2: a second page.
        #expect(HTML.itemTitles(in: try site.read("tags/电梯/page/2/index.html")) == ["七号楼电梯板凳会"])
    }
}
