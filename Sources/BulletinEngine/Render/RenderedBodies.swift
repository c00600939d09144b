import Foundation

/// Every record's Markdown rendered once, in parallel, before pages are assembled: a record's
/// body appears on its page and its first paragraph in every list that shows it.
struct RenderedBodies: Sendable {
    private var html: [String: String] = [:]
    private var summaries: [String: String] = [:]

    static let summaryLength = 280

    /// Problems found in the Markdown while rendering it (links to files a record lacks).
    private(set) var diagnostics: [Diagnostic] = []

    init(records: [Record], markdown: MarkdownRenderer) {
        let count = records.count
        let results = Parallel.map(records) { record in
            if let line = MarkdownLimits.overNested(record.body) {
                let problem = Diagnostic(path: record.sourcePath, line: record.bodyFirstLine + line - 1,
                                         message: "this line opens more than \(MarkdownLimits.maximumNesting) quotes or lists inside each other; use fewer `>` or list markers")
                return (MarkdownRenderer.Output(html: "", firstParagraph: nil, links: []), [problem])
            }
            let output = markdown.render(record.body)
            return (output, RecordLinks.check(record, links: output.links))
        }
        diagnostics = results.flatMap(\.1)
        html.reserveCapacity(count)
        for (index, record) in records.enumerated() {
            let key = Self.key(record)
            let output = results[index].0
            html[key] = output.html
            let text = record.meeting?.summary ?? output.firstParagraph
            summaries[key] = text.map(Self.shorten)
        }
    }

    func html(of record: Record) -> String { html[Self.key(record)] ?? "" }
    func summary(of record: Record) -> String? { summaries[Self.key(record)] }

    /// A record's source path: unique, and already a string, so lookups on every page build none.
    private static func key(_ record: Record) -> String { record.sourcePath }

    private static func shorten(_ text: String) -> String {
        guard text.count > summaryLength else { return text }
        let cut = text.prefix(summaryLength)
        let atSpace = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atSpace.trimmed + "…"
    }
}
