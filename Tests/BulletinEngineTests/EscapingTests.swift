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

@Suite("Escaping and unsafe content")
struct EscapingTests {
    static let scriptTitle = #"Spring clean <script>alert(1)</script> with "quotes" & ampersands"#
    static let escapedTitle = "Spring clean &lt;script&gt;alert(1)&lt;/script&gt; with &quot;quotes&quot; &amp; ampersands"

    @Test func aTitleWithMarkupAppearsOnlyEscaped() throws {
        let site = try TestSite.builtEnglishSite()
        for file in site.files where file.hasSuffix(".html") || file.hasSuffix(".xml") {
            let text = try site.read(file)
            #expect(!text.contains("<script"), "\(file) contains a raw <script>")
        }
        let page = try site.read("communities/riverside/activities/spring-clean/index.html")
        #expect(page.contains("<h1>\(Self.escapedTitle)</h1>"))
        #expect(page.contains("<title>\(Self.escapedTitle) · Test Town Bulletin</title>"))
        #expect(page.contains("<p>Forty residents cleaned the canal bank &amp; the courtyard.</p>"))
        // In the feed, the title is escaped for XML and reads back exactly.
        let feed = XMLReader.parse(try site.read("feed.xml"))
        #expect(feed.error == nil)
        #expect(feed.texts(of: "title", in: "entry").contains(Self.scriptTitle))
    }

    @Test func rawHTMLInABodyIsOmitted() throws {
        let page = try TestSite.builtEnglishSite().read("communities/hilltop/meetings/parking-bench/index.html")
        #expect(!page.contains("onclick"))
        #expect(!page.contains("<b "))
        #expect(page.contains("<p>Residents <!-- raw HTML omitted -->insisted<!-- raw HTML omitted --> that cars block the fire lane;"))
    }

    @Test func javascriptLinksAreNeverWritten() throws {
        let site = try TestSite.builtEnglishSite()
        for page in site.htmlFiles {
            #expect(!(try site.read(page)).lowercased().contains("javascript:"), "\(page)")
        }
        let page = try site.read("communities/hilltop/meetings/parking-bench/index.html")
        #expect(page.contains("this link") && !page.contains("this link</a>") && !page.contains("href=\"\""),
                "a javascript: link is unwrapped to its text, not left as an empty link")
    }

    @Test func bodyHeadingsStartAtH2UnderThePageTitle() throws {
        let page = try TestSite.builtEnglishSite().read("communities/hilltop/meetings/parking-bench/index.html")
        #expect(page.contains("<h2>Decisions</h2>"))
        #expect(page.contains("<h3>Next steps</h3>"))
        #expect(HTML.h1Count(page) == 1)
    }

    @Test func unsafeHTMLPassesRawHTMLThroughWhenTheSiteAsks() throws {
        let site = try TestSite.fixture("en-site")
        try site.write("site.yml", try site.read("site.yml") + "unsafe_html: true\n")
        let page = try site.build().read("communities/hilltop/meetings/parking-bench/index.html")
        #expect(page.contains("<p>Residents <b onclick=x>insisted</b> that cars block"))
        // Titles are still escaped: unsafe_html concerns Markdown bodies only.
        #expect(try site.build().read("communities/riverside/activities/spring-clean/index.html")
            .contains("<h1>\(Self.escapedTitle)</h1>"))
    }
}
