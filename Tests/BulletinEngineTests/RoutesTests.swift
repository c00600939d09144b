import Testing
@testable import BulletinContent
@testable import BulletinEngine
@testable import BulletinIncremental
@testable import BulletinModel
@testable import BulletinOutput
@testable import BulletinRender
@testable import BulletinSite
@testable import BulletinSupport

@Suite("Routes: output paths and links")
struct RoutesTests {
    /// The scanner refuses free pages named like the site's own top-level pages; that list is
    /// kept beside the scanner (below Routes), so this checks it against what a build writes.
    @Test func everyTopLevelNameOfTheSiteIsReservedFromFreePages() throws {
        let site = try TestSite.builtEnglishSite(includeDrafts: true)
        let freePages: Set<String> = ["about", "take-part", "imprint"]
        var names = Set<String>()
        for file in site.files where !file.hasPrefix(".") {
            let first = String(file.split(separator: "/").first!)
            names.insert(first.split(separator: ".").first.map(String.init) ?? first)
        }
        #expect(freePages.isSubset(of: names))
        let unreserved = names.subtracting(freePages).subtracting(ContentScanner.reservedPageNames)
        #expect(unreserved.isEmpty, "top-level names a free page could take: \(unreserved.sorted())")
    }

    static func problem(community: String, slug: String) -> Record {
        Record(kind: .problems, community: community, slug: slug, sourcePath: "communities/\(community)/problems/\(slug).md",
               title: "T", date: nil, tags: [], draft: false, body: "", bundleAssets: [],
               details: .problem(Problem(raised: testToday, raisedBy: nil, category: nil, status: .open, resolved: nil, urgent: false)))
    }

    @Test func recordPageLivesInItsKindFolder() {
        let record = Self.problem(community: "riverside", slug: "lift-building-3")
        #expect(Routes.record(record) == "communities/riverside/problems/lift-building-3/index.html")
        #expect(Routes.recordFolder(record) == "communities/riverside/problems/lift-building-3")
    }

    @Test func listPagesAfterTheFirstGoUnderPage() {
        #expect(Routes.listPage("meetings", 1) == "meetings/index.html")
        #expect(Routes.listPage("meetings", 2) == "meetings/page/2/index.html")
        #expect(Routes.listPage(Routes.communityList("riverside", .problems), 3) == "communities/riverside/problems/page/3/index.html")
        #expect(Routes.listPage(Routes.tagFolder("lift"), 1) == "tags/lift/index.html")
    }

    @Test func tagSlugs() {
        #expect(Routes.tagSlug("Mutual aid") == "mutual-aid")
        #expect(Routes.tagSlug("building 3") == "building-3")
        #expect(Routes.tagSlug("电梯") == "电梯")
        #expect(Routes.tagSlug("Lift") == Routes.tagSlug("lift"))
        // Nothing usable as a name: the code points keep it unique and safe.
        #expect(Routes.tagSlug("!?") == "tag-21-3f")
    }

    @Test func rootPrefixClimbsOneFolderPerSlash() {
        #expect(Routes.rootPrefix(of: "index.html") == "")
        #expect(Routes.rootPrefix(of: "communities/index.html") == "../")
        #expect(Routes.rootPrefix(of: "communities/riverside/meetings/lift-round-2/index.html") == "../../../../")
    }

    @Test func linksAreRelativeToTheLinkingPage() {
        #expect(Routes.link(from: "index.html", to: "communities/riverside/index.html") == "communities/riverside/index.html")
        #expect(Routes.link(from: "communities/riverside/meetings/lift-round-2/index.html", to: "tags/lift/index.html")
                == "../../../../tags/lift/index.html")
        #expect(Routes.link(from: "meetings/page/2/index.html", to: "meetings/index.html") == "../../../meetings/index.html")
    }

    @Test func chineseSegmentsArePercentEncodedAsUTF8() {
        #expect(Routes.link(from: "index.html", to: "communities/青友园/index.html")
                == "communities/%E9%9D%92%E5%8F%8B%E5%9B%AD/index.html")
        #expect(Routes.percentEncoded("tags/a b/index.html") == "tags/a%20b/index.html")
        #expect(Routes.percentEncoded("a-z_0.9~/") == "a-z_0.9~/")
        #expect("communities/%E9%9D%92%E5%8F%8B%E5%9B%AD/index.html".removingPercentEncoding == "communities/青友园/index.html")
    }

    @Test func absoluteURLsDropIndexHTML() {
        #expect(Routes.absolute("index.html", base: "https://e.org/") == "https://e.org/")
        #expect(Routes.absolute("communities/青友园/index.html", base: "https://e.org/sub/")
                == "https://e.org/sub/communities/%E9%9D%92%E5%8F%8B%E5%9B%AD/")
        #expect(Routes.absolute("feed.xml", base: "https://e.org/") == "https://e.org/feed.xml")
    }
}
