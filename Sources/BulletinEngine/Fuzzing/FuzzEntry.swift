import BulletinContent
import BulletinIncremental
import BulletinModel
import BulletinOutput
import BulletinRender
import BulletinSite
import BulletinSupport
import Foundation

/// Entry points for the libFuzzer target in `Fuzz/`: the same code paths a content file takes,
/// from raw bytes, with no file system. Public only so the fuzz package can reach them.
public enum FuzzEntry {
    private static let labels: ValueLabels = {
        var groups: [String: [String: String]] = [:]
        for type in allContentEnums { groups[type.group] = Dictionary(uniqueKeysWithValues: type.allCaseNames.map { ($0, $0.uppercased()) }) }
        return ValueLabels(groups)
    }()

    /// Decodes the bytes as a record of every kind, through text decoding, the front-matter
    /// split, YAML and the typed decoders; returns how many diagnostics were produced.
    @discardableResult
    public static func parseRecord(_ data: Data) -> Int {
        recordDiagnostics(data).count
    }

    /// Renders the bytes (as far as they are UTF-8) as Markdown, both safe and unsafe.
    @discardableResult
    public static func renderMarkdown(_ data: Data) -> Int {
        let html = markdownHTML(data)
        return html.safe.utf8.count + html.unsafe.utf8.count
    }

    /// The diagnostics of the bytes read as each kind of record, in kind order, each file named `fuzz.md`.
    static func recordDiagnostics(_ data: Data) -> [Diagnostic] {
        let reader = DocumentReader(labels: labels)
        return RecordKind.allCases.flatMap { kind in
            let source = RecordSource(kind: kind, community: "c", slug: "s",
                                      fileDate: kind.isDated ? SimpleDate(year: 2024, month: 1, day: 1) : nil,
                                      file: SourceFile(path: "fuzz.md", url: URL(fileURLWithPath: "/dev/null")),
                                      bundleAssets: [])
            let sink = DiagnosticSink()
            _ = RecordParser(reader: reader).parse(source, text: data, sink: sink)
            return sink.diagnostics
        }
    }

    /// The bytes as HTML with raw HTML omitted (`safe`) and let through (`unsafe`).
    static func markdownHTML(_ data: Data) -> (safe: String, unsafe: String) {
        let text = String(decoding: data, as: UTF8.self)
        return (MarkdownRenderer(allowRawHTML: false).render(text).html, MarkdownRenderer(allowRawHTML: true).render(text).html)
    }
}
