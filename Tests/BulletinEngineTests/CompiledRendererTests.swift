import Foundation
import Mustache
import Testing
@testable import BulletinContent
@testable import BulletinEngine
@testable import BulletinIncremental
@testable import BulletinModel
@testable import BulletinOutput
@testable import BulletinRender
@testable import BulletinSite
@testable import BulletinSupport

/// The compiled renderer against swift-mustache: every page of the real sites, and small
/// templates for each feature and edge case, rendered both ways must be identical bytes.
@Suite("Compiled renderer")
struct CompiledRendererTests {
    // MARK: whole sites

    /// Builds `content` twice: with `theme` rendered by swift-mustache alone, and with
    /// `compiled` (by default the same theme) as a build renders it. Every output file must match.
    static func expectSameSite(content: URL, includeDrafts: Bool = false, theme: URL = Repo.templates, compiled: URL? = nil,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let compiled = compiled ?? theme
        let owner = try TemporaryFolder()
        #expect(Theme.load(from: theme, language: "en", compiling: false).0?.compiled.ranges.isEmpty == true)
        func build(_ templates: URL, into name: String, compiling: Bool) throws -> [String: Data] {
            var options = BuildOptions(content: content, templates: templates, output: owner.url.appendingPathComponent(name),
                                       includeDrafts: includeDrafts, moment: .date(testToday))
            options.compileTemplates = compiling
            _ = try Builder(options: options).build()
            return OutputTree.snapshot(options.output)
        }
        let expected = try build(theme, into: "mustache", compiling: false)
        let actual = try build(compiled, into: "compiled", compiling: true)
        #expect(expected.keys.sorted() == actual.keys.sorted(), sourceLocation: sourceLocation)
        #expect(expected.keys.filter { $0.hasSuffix(".html") }.count > 3, sourceLocation: sourceLocation)
        let differing = expected.keys.sorted().filter { expected[$0] != actual[$0] }
        for path in differing.prefix(3) {
            let want = String(decoding: expected[path] ?? Data(), as: UTF8.self)
            let got = String(decoding: actual[path] ?? Data(), as: UTF8.self)
            Issue.record("\(path) differs:\n\(firstDifference(want, got))", sourceLocation: sourceLocation)
        }
        if differing.count > 3 { Issue.record("and \(differing.count - 3) more files differ", sourceLocation: sourceLocation) }
    }

    @Test func theRepositoryThemeIsCompiledWhole() throws {
        for language in ["en", "zh-CN"] {
            let (theme, problems) = Theme.load(from: Repo.templates, language: language)
            #expect(problems.isEmpty)
            let compiled = try #require(theme?.compiled)
            #expect(compiled.fallbacks.isEmpty, "\(compiled.fallbacks)")
            #expect(compiled.ranges.allSatisfy { $0 != nil })
            #expect(compiled.numbers.count == Theme.requiredLayouts.count + 8)
        }
    }

    @Test func theSampleSiteRendersTheSame() throws {
        try Self.expectSameSite(content: Repo.root.appendingPathComponent("Content"))
    }

    @Test(arguments: ["en-site", "zh-site"], [false, true])
    func theFixtureSitesRenderTheSame(_ fixture: String, includeDrafts: Bool) throws {
        try Self.expectSameSite(content: Repo.fixtures.appendingPathComponent(fixture), includeDrafts: includeDrafts)
    }

    /// The comparison is not vacuous: a theme that renders one tag differently is caught.
    @Test func aDifferenceIsCaught() throws {
        let (changed, owner) = try Robust.themeCopy()
        try Robust.edit(changed.appendingPathComponent("partials/tag-list.mustache"), replacing: "<ul", with: "<ol")
        withExtendedLifetime(owner) {
            withKnownIssue {
                try Self.expectSameSite(content: Repo.fixtures.appendingPathComponent("en-site"), compiled: changed)
            }
        }
    }

    /// The English fixture built both ways with a copy of the theme in which `file` has one
    /// edit.
    static func expectSameSite(editing file: String, replacing old: String, with new: String,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (changed, owner) = try Robust.themeCopy()
        try Robust.edit(changed.appendingPathComponent(file), replacing: old, with: new)
        try withExtendedLifetime(owner) {
            try expectSameSite(content: Repo.fixtures.appendingPathComponent("en-site"), theme: changed, sourceLocation: sourceLocation)
        }
    }

    /// List entries are rendered once and their text reused on other pages. An entry that
    /// reads the page around it (its title, its root, or a name only some pages have) must
    /// still come out on every page as swift-mustache renders it there.
    @Test func listEntriesThatReadThePageAreRenderedForEachPage() throws {
        try Self.expectSameSite(editing: "partials/record-item.mustache", replacing: "<p class=\"item-title\">",
                                with: "<p class=\"item-title\" data-page=\"{{page_title}}\" data-root=\"{{root}}\"{{#pagination}} data-of=\"{{total}}\"{{/pagination}}>")
    }

    /// The same entry included at two depths of indentation keeps the lines of each.
    @Test func listEntriesIncludedAtTwoIndentationsKeepEach() throws {
        try Self.expectSameSite(editing: "layouts/tag.mustache", replacing: "{{> record-list}}",
                                with: "<div class=\"deeper\">\n    {{> record-list}}\n</div>")
    }

    /// A shared entry is made and rendered once, then shown on each page with that page's
    /// way to the site root; one that reads a value of the page is rendered every time.
    @Test func aSharedEntryIsRenderedOnceAndTakesEachPagesRoot() throws {
        final class Made: @unchecked Sendable { var count = 0 }
        func page(made: Made) -> View {
            let entries = SharedViews(identities: [ObjectIdentifier(made)]) { _ in
                made.count += 1
                return View(typed: ["title": .text("Roof"), "url": .text(Routes.rootMarker + "roof/")])
            }
            var view = View(typed: ["page_title": .text("Tags")])
            view.setShared("t", .view(View(typed: ["more": .text("More")])))
            view.setList("items", entries)
            return view
        }
        let kept = try Templates(["page": "{{#items}}<a href=\"{{url}}\">{{title}}</a> {{t.more}}\n{{/items}}"])
        let (fragments, made) = (SharedFragments(), Made())
        let view = page(made: made)
        #expect(kept.compiled("page", view, root: "../", fragments: fragments) == "<a href=\"../roof/\">Roof</a> More\n")
        #expect(kept.compiled("page", view, root: "../../", fragments: fragments) == "<a href=\"../../roof/\">Roof</a> More\n")
        #expect(made.count == 1)

        let reading = try Templates(["page": "{{#items}}{{title}} on {{page_title}}{{missing}}\n{{/items}}"])
        let other = Made()
        let readingView = page(made: other)
        for _ in 0..<2 {
            #expect(reading.compiled("page", readingView, fragments: fragments) == "Roof on Tags\n")
        }
        #expect(other.count == 2)
    }

    @Test func theRootMarkerIsReplacedInAFallbackPage() {
        #expect(SharedFragments.resolvingRootMarker(in: "a\u{0}x \u{0}\u{0}", root: "../") == "a../x ../../")
        #expect(SharedFragments.resolvingRootMarker(in: "plain", root: "../") == "plain")
        #expect(SharedFragments.resolvingRootMarker(in: "", root: "../") == "")
    }

    // MARK: small templates

    /// A template that prints a whole view gets its names in the order they were set, the
    /// same both ways and in every run.
    @Test func aWholeViewPrintsInTheOrderItsNamesWereSet() throws {
        var many: View = ["zeta": "z", "alpha": 1, "mid": true]
        for index in 0..<20 { many["name\(index)"] = "v\(index)" }
        let view: View = ["small": ["b": "2", "a": "1", "c": ["d": "x"] as View] as View, "many": many]
        try expectSame("{{small}}|{{{many}}}", view)
        let printed = try #require(try Templates(["page": "{{{small}}}"]).compiled("page", view))
        #expect(printed == #"View(values: ["b": "2", "a": "1", "c": BulletinRender.View(values: ["d": "x"])])"#)
    }

    /// A layout's output reaches the page frame as bytes; it prints as its text would.
    @Test func renderedBytesPrintAsTheirText() throws {
        var view: View = ["title": "T"]
        view.set("content", .bytes(Array("<p>a & b, 中文</p>".utf8)))
        try expectSame("{{{content}}}|{{content}}|{{#content}}in {{title}}{{/content}}{{^content}}out{{/content}}", view)
        try expectSame("<main>\n  {{> inner}}\n</main>", view, partials: ["inner": "{{{content}}}\n{{{content}}}\n"])
    }

    @Test func variablesAndEscaping() throws {
        let view: View = [
            "name": "Ann <b> & \"Bo\" 'C'", "combining": "<\u{338} é e\u{301} 中文", "count": 42, "negative": -7,
            "yes": true, "no": false, "empty": "", "nothing": String?.none as Any,
            "html": "<p>raw</p>", "nested": ["inner": ["deep": "x<y"] as View] as View,
            "texts": ["a", "b"], "single": ["k": "v"] as View,
        ]
        try expectSame("""
            {{name}}|{{{name}}}|{{& name}}|{{ name }}|{{combining}}
            {{count}} {{negative}} {{yes}} {{no}} [{{empty}}] [{{nothing}}] {{{html}}} {{html}}
            {{nested.inner.deep}} {{nested.inner}}x {{nested.missing.deep}} {{missing}} {{missing.name}}
            {{texts}} {{single}} {{{texts}}}
            """, view)
    }

    @Test func sectionsOfEveryKindOfValue() throws {
        let view: View = [
            "yes": true, "no": false, "zero": 0, "empty": "", "nothing": String?.none as Any, "text": "t",
            "views": [["n": "1"] as View, ["n": "2"] as View], "none": [View](), "strings": ["x", "y<"],
            "noAny": [Any](), "noStrings": [String](),
            "mixed": ["s", 3, true, false, ["n": "v"] as View, String?.none as Any, ["inner"]] as [Any],
            "one": ["n": "only"] as View, "n": "outer",
        ]
        try expectSame("""
            {{#yes}}Y{{n}}{{/yes}}{{#no}}N{{/no}}{{^yes}}!Y{{/yes}}{{^no}}!N{{/no}}
            {{#zero}}Z[{{.}}]{{/zero}}{{^zero}}!Z{{/zero}} {{#empty}}E[{{.}}]{{/empty}}{{^empty}}!E{{/empty}}
            {{#nothing}}null[{{.}}]{{n}}{{/nothing}}{{^nothing}}!null{{/nothing}} {{#text}}[{{.}}]{{n}}{{/text}}
            {{#views}}<{{n}}>{{/views}} {{^views}}none{{/views}} {{#none}}x{{/none}}{{^none}}empty:{{.}}{{n}}{{/none}}
            {{#strings}}[{{.}}|{{{.}}}|{{}}]{{/strings}} {{#mixed}}({{.}}){{/mixed}} {{#mixed}}{{n}}{{/mixed}}
            {{#one}}{{n}}-{{.n}}-{{#.}}{{n}}{{/.}}{{/one}} {{#missing}}m{{/missing}}{{^missing}}!m{{/missing}}
            {{#views}}{{#strings}}{{n}}{{.}}{{/strings}}{{/views}}
            {{^noAny}}[{{.}}]{{/noAny}}{{#noAny}}x{{/noAny}} {{^noStrings}}[{{.}}]{{/noStrings}} {{^strings}}x{{/strings}}
            """, view)
    }

    @Test func namesClimbTheStackUnlessTheyStartWithADot() throws {
        let view: View = [
            "title": "root", "site": ["title": "Site", "url": "/"] as View, "a": ["b": "root a.b"] as View,
            "items": [["title": "first", "a": ["c": "no b"] as View] as View, ["other": "second"] as View],
            "t": ["label": "T"] as View,
        ]
        try expectSame("""
            {{#items}}
              [{{title}}] [{{.title}}] [{{site.title}}] [{{.site.title}}] [{{a.b}}] [{{t.label}}] [{{.other}}]
              {{#.a}}{{c}}/{{b}}/{{title}}{{/.a}}{{^.a}}no a{{/.a}}
              {{#site}}{{#a}}{{b}}{{/a}}{{/site}}
            {{/items}}
            """, view)
    }

    @Test func standaloneTagsAndWhitespace() throws {
        let view: View = ["yes": true, "no": false, "items": ["a", "b"], "name": "N"]
        let templates = [
            "  {{#yes}}\n  in\n  {{/yes}}\n  {{^no}}  \n\tnot\n\t{{/no}}\t\nend",
            "{{! comment }}\n  {{! multi\n  line }}  \nafter\n {{name}} {{#yes}}\n x\n{{/yes}} y\n",
            "line\r\n  {{#yes}}\r\n  crlf\r\n  {{/yes}}\r\n{{#items}}\r\n- {{.}}\r\n{{/items}}\r\n",
            "{{#yes}}\rlone cr{{/yes}}\u{2028}{{#yes}}\u{2028}sep\n{{/yes}}  ",
            "a {{#yes}}\nb\n{{/yes}} c\n  {{#items}}{{.}}{{/items}}  \n  {{name}}  \n{{#yes}}x\n{{/yes}}  ",
            "{{#yes}}{{/yes}}\n{{^no}}{{/no}}\n{ {{name}} {x} {{{name}}} }}\n  {{#items}}\n  {{.}}\n  {{/items}}",
            "a{{\nname}}b\nc{{\r\nname}}d\n{{name}}}\n{{!}}\n{{&name}}{{& name }}{{{ name }}}\n{{#yes}}\u{85}x{{/yes}}\u{85}\n{{#yes}}{{/yes}}",
            "\u{FEFF}{{#yes}}\n\u{A0}{{#no}}\n{{/no}}\u{2029}{{#yes}} \u{0B}\n{{name}}\u{0C}{{/yes}}\n{{/yes}}",
        ]
        for template in templates { try expectSame(template, view) }
    }

    @Test func partialsAreIndentedLikeSwiftMustache() throws {
        let view: View = [
            "items": [["name": "one"] as View, ["name": "two<"] as View], "yes": true, "lines": "a\nb\n",
            "strings": ["x", "y"], "empty": [String](), "none": [Any](),
        ]
        let partials = [
            "item": "<li>{{name}}</li>\n<li>\n  {{#yes}}\n  nested {{name}}\n  {{/yes}}\n</li>\n",
            "list": "<ul>\n  {{#items}}\n  {{> item}}\n  {{/items}}\n</ul>\n{{{lines}}}x\n  {{> inline}}\n",
            "inline": "[{{#strings}}{{.}}\n{{/strings}}]\n{{^empty}}\nnone\n{{/empty}}\n",
            "crlf": "a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\n",
            "blank": "", "text": "only text",
            "cr": "a\r{{! c }}\nb\r{{! c }}\r\n{{! d }}\nc\n{{yes}}\r{{! e }}\n{{! f }}\nd\r\n",
            "late": "a\n{{#yes}}{{missing}}b{{/yes}}\n{{#none}}{{/none}}{{^yes}}{{/yes}}{{> blank}}c\n{{#strings}}{{^yes}}{{/yes}}{{.}}{{/strings}}\n",
        ]
        let layouts = [
            "  {{> list}}\n",
            "<div>\n    {{> list}}\n</div>\n\t{{> crlf}}\n {{> crlf}} after\n  {{> blank}}\n  {{> text}}\n{{> text}}",
            "{{#items}}\n  {{> item}}\n{{/items}}\n{{#strings}}\n    {{> inline}}\n{{/strings}}",
            "x {{> item}} y\n  {{> missing}}\nz\n  {{> text}}",
            "<p>\n  {{> late}}\n    {{#yes}}\n    {{> late}}\n    {{/yes}}\n</p>",
            "  {{> cr}}\r\n\t{{> cr}}\n",
        ]
        for layout in layouts { try expectSame(layout, view, partials: partials) }
    }

    /// Features the compiled renderer leaves to swift-mustache, which renders them as before.
    @Test func unsupportedTemplatesFallBack() throws {
        let view: View = ["name": "ann", "items": ["b", "a"], "n": 3, "which": "dynamic"]
        let unsupported = [
            "{{uppercased(name)}}": "ANN", "{{#reversed(items)}}{{.}}{{/reversed(items)}}": "ab", "{{=<% %>=}}<% name %>": "ann",
            "{{<parent}}{{$block}}x{{/block}}{{/parent}}": "<x>", "{{$block}}default{{/block}}": "default", "{{>*which}}": "ann",
            "{{%CONTENT_TYPE:TEXT}}{{name}}": "ann", "{{#items}}{{index()}}{{/items}}": "01", "[{{> uses}}]": "[4]",
        ]
        let partials = ["parent": "<{{$block}}d{{/block}}>", "dynamic": "{{name}}", "uses": "{{> child}}", "child": "{{plusone(n)}}"]
        for (template, output) in unsupported {
            let templates = try Templates(["page": template].merging(partials) { page, _ in page })
            #expect(templates.compiled("page", view) == nil, "\(template) should fall back")
            #expect(templates.mustache("page", view) == output, "\(template)")
        }
        #expect(try Templates(["page": "{{> uses}}"].merging(partials) { page, _ in page }).templates.fallbacks["page"]
                == "includes uses, which includes child, which uses a transform")
        // Every theme template is prefixed with the engine's pragma; escaping before it is left out too.
        let bare = try Templates(["page": "{{name}}"], pragma: false)
        #expect(bare.compiled("page", view) == nil)
        let unescapedOnly = try Templates(["page": "{{{name}}}"], pragma: false)
        #expect(unescapedOnly.compiled("page", view) == unescapedOnly.mustache("page", view))
    }

    /// A value of a type the compiled renderer does not know makes the page fall back.
    @Test func aViewWithAnUnknownValueFallsBack() throws {
        var view: View = ["ratio": 1.5, "name": "n"]
        #expect(view.needsMustache)
        var outer: View = ["inner": view]
        #expect(outer.needsMustache)
        outer = ["list": [view]]
        #expect(outer.needsMustache)
        view = ["name": "n", "n": 1, "b": true, "o": Int?.none as Any, "list": [["a"], "x", 1] as [Any]]
        #expect(!view.needsMustache)
        let (theme, _) = Theme.load(from: Repo.templates, language: "en")
        let page = try #require(theme)
        let odd: View = ["lang": 1.5, "content": "<p>c</p>", "site": ["title": "S"] as View]
        let rendered = String(decoding: page.render("base", odd, root: ""), as: UTF8.self)
        #expect(rendered == page.renderWithMustache("base", odd))
        #expect(rendered.contains("lang=\"1.5\""))
    }

    /// Values read back from a view are the Swift values they were set as.
    @Test func viewValuesReadBackAsSet() throws {
        var view: View = ["s": "x", "n": 1, "b": false, "v": ["k": "v"] as View, "views": [View](), "strings": ["a"]]
        view.setList("list", [["k": "v"] as View])
        view.setList("words", ["a", "b"])
        #expect(view["s"] as? String == "x")
        #expect(view["n"] as? Int == 1)
        #expect(view["b"] as? Bool == false)
        #expect((view["v"] as? View)?["k"] as? String == "v")
        #expect(type(of: view["views"]!) == [View].self)
        #expect(type(of: view["strings"]!) == [String].self)
        #expect(type(of: view["list"]!) == [Any].self)
        #expect(type(of: view["words"]!) == [Any].self)
        #expect(view["has_list"] as? Bool == true)
        view["s"] = nil
        #expect(view["s"] == nil)
    }

    /// Random templates from the supported tags, text pieces that make and break standalone
    /// lines, and indented partials: whatever swift-mustache accepts must render the same.
    @Test func randomTemplatesRenderTheSame() throws {
        var random = SeededGenerator(seed: 20261123)
        let names = ["a", "b", "items", "yes", "no", "name", ".", ".name", "a.b", "t.x", "missing", "empty", "strings", "count"]
        let pieces = ["x", " ", "  ", "\t", "\n", "\n", "\r\n", "\r", "ab", "{", "}", "<&>"]
        func fragments(_ depth: Int, partials: [String]) -> String {
            (0..<Int.random(in: 0...8, using: &random)).map { _ -> String in
                switch Int.random(in: 0..<10, using: &random) {
                case 0...3: return pieces.randomElement(using: &random)!
                case 4: return ["{{%@}}", "{{{%@}}}", "{{& %@}}", "{{ %@ }}"].randomElement(using: &random)!
                    .replacingOccurrences(of: "%@", with: names.randomElement(using: &random)!)
                case 5: return ["{{! c }}", "{{!\n}}"].randomElement(using: &random)!
                case 6 where !partials.isEmpty:
                    return [" ", "\t", "", "\n  "].randomElement(using: &random)! + "{{> \(partials.randomElement(using: &random)!)}}"
                default:
                    guard depth < 3 else { return "\n" }
                    let name = names.randomElement(using: &random)!
                    let open = Bool.random(using: &random) ? "#" : "^"
                    let inner = fragments(depth + 1, partials: partials)
                    return "{{\(open)\(name)}}" + [
                        "\n", "", " \n",
                    ].randomElement(using: &random)! + inner + ["\n", "", "  "].randomElement(using: &random)! + "{{/\(name)}}"
                }
            }.joined()
        }
        let view: View = [
            "a": ["b": "ab<", "name": "inner"] as View, "items": [["name": "i1", "yes": false] as View, ["name": "i2"] as View],
            "yes": true, "no": false, "name": "N&", "strings": ["s1", "s2"], "empty": [String](), "t": ["x": "tx"] as View,
            "count": 0,
        ]
        var compared = 0
        for _ in 0..<1000 {
            let texts = ["p2": fragments(1, partials: []), "p1": fragments(1, partials: ["p2"]), "page": fragments(0, partials: ["p1", "p2"])]
            guard let templates = try? Templates(texts) else { continue }
            let expected = templates.mustache("page", view)
            let actual = templates.compiled("page", view)
            #expect(actual == expected, "\(texts)\n\(firstDifference(expected, actual ?? "(fell back)"))")
            compared += 1
        }
        #expect(compared > 400)
    }

    // MARK: helpers

    /// Renders `template` (as `page`) with both renderers and expects the same text.
    func expectSame(_ template: String, _ view: View, partials: [String: String] = [:],
                    sourceLocation: SourceLocation = #_sourceLocation) throws {
        let templates = try Templates(partials.merging(["page": template]) { _, page in page })
        let expected = templates.mustache("page", view)
        let actual = templates.compiled("page", view)
        #expect(actual != nil, "the template should compile: \(template.debugDescription)", sourceLocation: sourceLocation)
        guard let actual else { return }
        #expect(actual == expected, "\(template.debugDescription)\n\(firstDifference(expected, actual))",
                sourceLocation: sourceLocation)
    }
}

/// Templates registered the way `Theme.load` registers them, renderable both ways.
struct Templates {
    let library: MustacheLibrary
    let templates: CompiledTemplates

    init(_ texts: [String: String], pragma: Bool = true) throws {
        HTMLEscaping.register
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        for (name, text) in texts {
            let source = pragma ? HTMLEscaping.pragma + "\n" + text : text
            library.register(try MustacheTemplate(string: source), named: name)
            sources[name] = source
        }
        self.library = library
        templates = CompiledTemplates(sources: sources)
    }

    func mustache(_ name: String, _ view: View) -> String {
        library.render(view, withTemplate: name) ?? ""
    }

    /// Nil when the template is left to swift-mustache.
    func compiled(_ name: String, _ view: View, root: String = "", fragments: SharedFragments? = nil) -> String? {
        templates.render(name, view, root: root, fragments: fragments).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Where two texts first part, with a little context, for a readable failure.
func firstDifference(_ expected: String, _ actual: String) -> String {
    let a = Array(expected.utf8), b = Array(actual.utf8)
    let index = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
    func around(_ bytes: [UInt8]) -> String {
        String(decoding: bytes[max(0, index - 80)..<min(bytes.count, index + 80)], as: UTF8.self).debugDescription
    }
    return "at byte \(index):\n  swift-mustache: \(around(a))\n  compiled:       \(around(b))"
}
