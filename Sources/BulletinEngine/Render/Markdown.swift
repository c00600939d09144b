import CMark
import Foundation

/// The one place C is touched: CommonMark to HTML through cmark.
public struct MarkdownRenderer: Sendable {
    /// Pass raw HTML through (site opt-in); otherwise cmark omits it and drops unsafe link schemes.
    public let allowRawHTML: Bool

    public init(allowRawHTML: Bool) { self.allowRawHTML = allowRawHTML }

    public struct Output: Sendable {
        public let html: String
        /// Plain text of the first paragraph, for summaries.
        public let firstParagraph: String?
    }

    /// Renders `markdown`; headings are shifted so the highest becomes `<h2>`, since the page
    /// title is the page's only `<h1>`.
    public func render(_ markdown: String) -> Output {
        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        guard let document = markdown.withCString({ cmark_parse_document($0, strlen($0), options) }) else {
            return Output(html: "", firstParagraph: nil)
        }
        defer { cmark_node_free(document) }
        let firstParagraph = shiftHeadingsAndFindFirstParagraph(document)
        guard let cHTML = cmark_render_html(document, options) else { return Output(html: "", firstParagraph: firstParagraph) }
        defer { free(cHTML) }
        return Output(html: String(cString: cHTML), firstParagraph: firstParagraph)
    }

    private func shiftHeadingsAndFindFirstParagraph(_ document: OpaquePointer) -> String? {
        var headings: [OpaquePointer] = []
        var firstParagraph: OpaquePointer?
        var child = cmark_node_first_child(document)
        // Headings and paragraphs that matter are top-level blocks; a walk of the whole tree is not needed.
        while let node = child {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING: headings.append(node)
            case CMARK_NODE_PARAGRAPH where firstParagraph == nil: firstParagraph = node
            default: break
            }
            child = cmark_node_next(node)
        }
        if let highest = headings.map({ cmark_node_get_heading_level($0) }).min(), highest != 2 {
            for heading in headings {
                cmark_node_set_heading_level(heading, min(6, cmark_node_get_heading_level(heading) - highest + 2))
            }
        }
        return firstParagraph.map(plainText)
    }

    private func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default: break
            }
        }
        return text
    }
}
