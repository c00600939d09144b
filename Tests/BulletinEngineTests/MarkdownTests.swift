import Testing
@testable import BulletinContent
@testable import BulletinEngine
@testable import BulletinIncremental
@testable import BulletinModel
@testable import BulletinOutput
@testable import BulletinRender
@testable import BulletinSite
@testable import BulletinSupport

@Suite("Markdown")
struct MarkdownTests {
    let safe = MarkdownRenderer(allowRawHTML: false)
    let unsafe = MarkdownRenderer(allowRawHTML: true)

    @Test func rendersCommonMark() {
        let html = safe.render("Some *emphasis* and **strong** text.\n\n- one\n- two\n").html
        #expect(html == "<p>Some <em>emphasis</em> and <strong>strong</strong> text.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n")
    }

    @Test func dropsRawHTMLByDefault() {
        let html = safe.render("Residents <b onclick=x>insisted</b>.\n\n<script>alert(1)</script>\n").html
        #expect(!html.contains("onclick"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b"))
        #expect(html.contains("insisted"))
    }

    @Test func keepsRawHTMLWhenAllowed() {
        let html = unsafe.render("Residents <b onclick=x>insisted</b>.\n").html
        #expect(html == "<p>Residents <b onclick=x>insisted</b>.</p>\n")
    }

    @Test func dropsJavascriptLinkTargets() {
        let html = safe.render("[click](javascript:alert(1)) and [ok](https://example.org/) and ![i](javascript:x)\n").html
        #expect(!html.lowercased().contains("javascript:"))
        #expect(html.contains(#"<a href="https://example.org/">ok</a>"#))
    }

    @Test func shiftsHeadingsSoTheHighestIsH2() {
        #expect(safe.render("# Top\n\n## Second\n\n### Third\n").html == "<h2>Top</h2>\n<h3>Second</h3>\n<h4>Third</h4>\n")
        #expect(safe.render("### Only a third\n\n#### Fourth\n").html == "<h2>Only a third</h2>\n<h3>Fourth</h3>\n")
        #expect(safe.render("## Already two\n").html == "<h2>Already two</h2>\n")
        #expect(safe.render("# One\n\n###### Six\n").html == "<h2>One</h2>\n<h6>Six</h6>\n")
    }

    /// A heading inside a block quote or list item must not stay an `<h1>`: the page title is the
    /// page's only `<h1>`.
    @Test func shiftsHeadingsNestedInQuotesAndLists() {
        let html = safe.render("Intro.\n\n> # Quoted title\n\n- # Listed title\n").html
        #expect(!html.contains("<h1>"))
    }

    @Test func firstParagraphIsPlainText() {
        let output = safe.render("# Heading\n\nThe *first* paragraph with `code`,\na soft break and a [link](https://e.org/).\n\nThe second.\n")
        #expect(output.firstParagraph == "The first paragraph with code, a soft break and a link.")
    }

    @Test func firstParagraphLeavesRawHTMLOut() {
        #expect(safe.render("Residents <b onclick=x>insisted</b>.\n").firstParagraph == "Residents insisted.")
    }

    @Test func noParagraphNoSummary() {
        #expect(safe.render("# Only a heading\n").firstParagraph == nil)
        #expect(safe.render("").html == "")
    }
}
