import BulletinModel
import BulletinSupport
import Foundation

/// Reads one content file up to its fields: bytes → text → front matter → YAML tree.
public struct DocumentReader: Sendable {
    let labels: ValueLabels

    struct Document {
        let fields: FieldReader
        let body: String
        let bodyFirstLine: Int
    }

    /// A Markdown file with front matter. Returns nil (with diagnostics) when it cannot be read.
    func readMarkdown(_ file: SourceFile, sink: DiagnosticSink) -> Document? {
        guard let data = readData(file, sink: sink) else { return nil }
        return readMarkdown(file, data: data, sink: sink)
    }

    func readMarkdown(_ file: SourceFile, data: Data, sink: DiagnosticSink) -> Document? {
        guard let text = decode(data, file: file, sink: sink) else { return nil }
        if text.allSatisfy(\.isWhitespace) {
            sink.add(Diagnostic(path: file.path, .fileEmpty))
            return nil
        }
        let split: FrontMatter
        do {
            split = try FrontMatter.split(text)
        } catch .missingOpening {
            sink.add(Diagnostic(path: file.path, .frontMatterMissing))
            return nil
        } catch {
            sink.add(Diagnostic(path: file.path, .frontMatterUnclosed))
            return nil
        }
        guard let fields = readYAML(split.yaml, path: file.path, firstLine: split.yamlFirstLine, sink: sink) else { return nil }
        return Document(fields: fields, body: split.body, bodyFirstLine: split.bodyFirstLine)
    }

    /// A plain YAML file such as site.yml.
    func readYAMLFile(_ file: SourceFile, sink: DiagnosticSink) -> FieldReader? {
        guard let data = readData(file, sink: sink), let text = decode(data, file: file, sink: sink) else { return nil }
        return readYAML(text, path: file.path, firstLine: 1, sink: sink)
    }

    /// Larger than any real report; past it a file is refused rather than slowing every build.
    public static let maximumSize = 16 << 20

    private func readData(_ file: SourceFile, sink: DiagnosticSink) -> Data? {
        guard let data = FileManager.default.contents(atPath: file.location) else {
            sink.add(Diagnostic(path: file.path, .fileUnreadable))
            return nil
        }
        guard data.count <= Self.maximumSize else {
            sink.add(Diagnostic(path: file.path, .fileTooLarge, ["size": Size.text(data.count), "limit": Size.text(Self.maximumSize)]))
            return nil
        }
        return data
    }

    private func decode(_ data: Data, file: SourceFile, sink: DiagnosticSink) -> String? {
        do {
            return try TextDecoding.decode(data)
        } catch {
            switch error {
            case .invalidUTF8(let line, let column):
                sink.add(Diagnostic(path: file.path, line: line, column: column, .textNotUTF8))
            case .utf16:
                sink.add(Diagnostic(path: file.path, .textUTF16))
            case .nulByte(let line, let column):
                sink.add(Diagnostic(path: file.path, line: line, column: column, .textNULByte))
            }
            return nil
        }
    }

    private func readYAML(_ yaml: String, path: String, firstLine: Int, sink: DiagnosticSink) -> FieldReader? {
        do {
            let root = try YAMLTree.read(yaml, firstLine: firstLine)
            return FieldReader.document(root, path: path, lineOffset: firstLine, sink: sink, labels: labels)
        } catch {
            sink.add(Diagnostic(path: path, line: error.line, column: error.column, field: error.field, error.reason))
            return nil
        }
    }

    public init(labels: ValueLabels) {
        self.labels = labels
    }
}
