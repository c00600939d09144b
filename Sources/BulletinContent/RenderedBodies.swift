import BulletinModel
import BulletinSupport
import Foundation

/// Every record's Markdown, rendered once in the validate stage (its links are checked
/// before anything is written): a record's body appears on its page and its first paragraph
/// in every list that shows it. Records taken from the build cache bring their summary and
/// problems; their body is rendered again only if a page that shows it is rendered.
public struct RenderedBodies: Sendable {
    public struct Entry: Sendable {
        var html: String?
        var summary: Summary?
    }

    /// The first paragraph, cut, as lists show it. A record taken from the build cache keeps
    /// it as the cache's bytes until a page shows it: a one-edit build shows a few hundred of
    /// eleven thousand, so making them all strings would be mostly wasted.
    public enum Summary: Sendable {
        case text(String)
        case stored(StoredText)

        public var text: String {
            switch self {
            case .text(let text): text
            case .stored(let stored): stored.string
            }
        }
    }

    /// What rendering one record's Markdown yields.
    struct Rendered: Sendable {
        var html: String
        var summary: String?
        var problems: [Diagnostic]
    }

    /// By record identity.
    private let entries: [ObjectIdentifier: Entry]
    private let markdown: MarkdownRenderer
    private let contentRoot: URL

    static let summaryLength = 280

    public init(entries: [ObjectIdentifier: Entry], markdown: MarkdownRenderer, contentRoot: URL) {
        self.entries = entries
        self.markdown = markdown
        self.contentRoot = contentRoot
    }

    static func render(_ record: Record, markdown: MarkdownRenderer) -> Rendered {
        if let line = MarkdownLimits.overNested(record.body) {
            let problem = Diagnostic(path: record.sourcePath, line: record.bodyFirstLine + line - 1,
                                     .markdownTooDeep, ["depth": MarkdownLimits.maximumNesting])
            return Rendered(html: "", summary: record.meeting?.summary.map(shorten), problems: [problem])
        }
        let output = markdown.render(record.body)
        let text = record.meeting?.summary ?? output.firstParagraph
        return Rendered(html: output.html, summary: text.map(shorten), problems: RecordLinks.check(record, links: output.links))
    }

    public func html(of record: Record) -> String {
        if let html = entries[record.identity]?.html { return html }
        var body = record
        body.body = RecordBody.read(record, contentRoot: contentRoot)
        return Self.render(body, markdown: markdown).html
    }

    public func summary(of record: Record) -> String? { entries[record.identity]?.summary?.text }

    private static func shorten(_ text: String) -> String {
        // Characters are counted only as far as the cut: counting a long paragraph whole was
        // most of this. No more bytes than the length means no more characters either.
        guard text.utf8.count > summaryLength,
              let end = asciiCut(text) ?? text.index(text.startIndex, offsetBy: summaryLength, limitedBy: text.endIndex),
              end < text.endIndex else { return text }
        let cut = text[..<end]
        let atSpace = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atSpace.trimmed + "…"
    }

    /// Where the cut falls when the text up to one byte past it is ASCII without a carriage
    /// return: then every byte is a character, and the next one does not join the last.
    private static func asciiCut(_ text: String) -> String.Index? {
        var copy = text
        let plain = copy.withUTF8 { bytes in
            bytes.count > summaryLength && !bytes[...summaryLength].contains { $0 >= 0x80 || $0 == 0x0D }
        }
        return plain ? text.utf8.index(text.utf8.startIndex, offsetBy: summaryLength) : nil
    }
}

/// The Markdown of a record taken from the cache, read again from its file (unchanged, or
/// the cache would not have been used).
enum RecordBody {
    static func read(_ record: Record, contentRoot: URL) -> String {
        guard let data = FileManager.default.contents(atPath: contentRoot.path + "/" + record.sourcePath),
              let text = try? TextDecoding.decode(data),
              let split = try? FrontMatter.split(text) else { return "" }
        return split.body
    }
}
