import BulletinModel
import BulletinSupport
import CMark
import Foundation

/// The one place C is touched: CommonMark to HTML through cmark.
public struct MarkdownRenderer: Sendable {
    /// Pass raw HTML through (site opt-in); otherwise cmark omits it.
    public let allowRawHTML: Bool

    public init(allowRawHTML: Bool) { self.allowRawHTML = allowRawHTML }

    /// A link or image destination as written, with its line in the Markdown text.
    public struct Link: Sendable, Equatable {
        public let destination: String
        public let line: Int
        public let column: Int
        public let isImage: Bool
    }

    public struct Output: Sendable {
        public let html: String
        /// Plain text of the first paragraph, for summaries.
        public let firstParagraph: String?
        public let links: [Link]
    }

    /// Renders `markdown`. Headings are shifted so the highest becomes `<h2>` (the page title
    /// is the page's only `<h1>`), and links with script-running schemes are unwrapped to
    /// their text even when raw HTML is allowed.
    public func render(_ markdown: String) -> Output {
        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        let markdown = Self.boundingImageBrackets(markdown)
        guard let document = markdown.withCString({ cmark_parse_document($0, strlen($0), options) }) else {
            return Output(html: "", firstParagraph: nil, links: [])
        }
        defer { cmark_node_free(document) }
        let scan = Scan(document)
        if let highest = scan.headings.map({ cmark_node_get_heading_level($0) }).min(), highest != 2 {
            for heading in scan.headings {
                cmark_node_set_heading_level(heading, min(6, cmark_node_get_heading_level(heading) - highest + 2))
            }
        }
        for link in scan.unsafeLinks { unwrap(link) }
        guard let cHTML = cmark_render_html(document, options) else {
            return Output(html: "", firstParagraph: scan.firstParagraph, links: scan.links)
        }
        defer { free(cHTML) }
        return Output(html: String(cString: cHTML), firstParagraph: scan.firstParagraph, links: scan.links)
    }

    /// Past this many (image openers × closing brackets) no real page comes near.
    static let imageBracketBudget = 20_000_000

    /// cmark 0.30.2 (Debian 12's libcmark) walks back over every open `![` of a paragraph each
    /// time a link closes (inlines.c, "deactivate earlier link delimiters" skips image openers
    /// without stopping), so `![[]()` repeated takes quadratic time: 64 KB renders in 0.3 s,
    /// 512 KB in a minute (fixed upstream in cmark 0.30.3). Past the budget the `[` of each `![`
    /// is escaped, so no image opens and cmark stays linear; such a text shows `![…](…)` as written.
    static func boundingImageBrackets(_ markdown: String) -> String {
        var markdown = markdown
        let (images, closers) = markdown.withUTF8 { bytes in
            // Brackets are rare in minutes: `memchr` jumps from one to the next.
            var images = 0, closers = 0
            var offset = 0
            while let at = bytes.firstOffset(of: UInt8(ascii: "["), from: offset) {
                if at > 0, bytes[at - 1] == UInt8(ascii: "!") { images += 1 }
                offset = at + 1
            }
            offset = 0
            while let at = bytes.firstOffset(of: UInt8(ascii: "]"), from: offset) {
                closers += 1
                offset = at + 1
            }
            return (images, closers)
        }
        guard images * closers > imageBracketBudget else { return markdown }
        return markdown.replacingOccurrences(of: "![", with: "!\\[")
    }

    /// Replaces a link node by its children.
    private func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_insert_before(node, child)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// One walk over the tree, collecting what rendering and checking need.
    private struct Scan {
        var headings: [OpaquePointer] = []
        var links: [Link] = []
        var unsafeLinks: [OpaquePointer] = []
        var firstParagraph: String?

        init(_ document: OpaquePointer) {
            guard let iterator = cmark_iter_new(document) else { return }
            defer { cmark_iter_free(iterator) }
            var paragraphText: String?
            var inFirstParagraph = false
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_PARAGRAPH, firstParagraph == nil {
                    if event == CMARK_EVENT_ENTER, paragraphText == nil, cmark_node_parent(node) == document {
                        paragraphText = ""
                        inFirstParagraph = true
                    } else if event == CMARK_EVENT_EXIT, inFirstParagraph {
                        firstParagraph = paragraphText
                        inFirstParagraph = false
                    }
                }
                guard event == CMARK_EVENT_ENTER else { continue }
                switch type {
                case CMARK_NODE_HEADING:
                    headings.append(node)
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    links.append(Link(destination: destination, line: Int(cmark_node_get_start_line(node)),
                                      column: Int(cmark_node_get_start_column(node)), isImage: type == CMARK_NODE_IMAGE))
                    if type == CMARK_NODE_LINK, Self.runsScript(destination) { unsafeLinks.append(node) }
                case CMARK_NODE_TEXT where inFirstParagraph, CMARK_NODE_CODE where inFirstParagraph:
                    if let literal = cmark_node_get_literal(node) { paragraphText! += String(cString: literal) }
                case CMARK_NODE_SOFTBREAK where inFirstParagraph, CMARK_NODE_LINEBREAK where inFirstParagraph:
                    paragraphText! += " "
                default:
                    break
                }
            }
        }

        /// Schemes a browser would run or open from the reader's machine.
        static func runsScript(_ destination: String) -> Bool {
            let scheme = destination.drop(while: { $0 == " " || $0 == "\t" }).prefix(while: { $0 != ":" && $0 != "/" }).lowercased()
            guard destination.contains(":") else { return false }
            return ["javascript", "vbscript", "data", "file"].contains(scheme.filter { !$0.isWhitespace && $0 != "\0" })
        }
    }
}
