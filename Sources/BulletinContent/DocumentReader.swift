import BulletinModel
import BulletinSupport
import Foundation
import Yams

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
            sink.add(Diagnostic(path: file.path, message: "the file is empty; start it with a line `---`, the fields (at least `title: ...`), then another `---` line"))
            return nil
        }
        let split: FrontMatter
        do {
            split = try FrontMatter.split(text)
        } catch .missingOpening {
            sink.add(Diagnostic(path: file.path, message: "the file must start with a line `---`, then the fields, then another `---` line before the text"))
            return nil
        } catch {
            sink.add(Diagnostic(path: file.path, message: "the front matter is never closed; add a line `---` after the last field"))
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
            sink.add(Diagnostic(path: file.path, message: "cannot be read; check the file's permissions"))
            return nil
        }
        guard data.count <= Self.maximumSize else {
            sink.add(Diagnostic(path: file.path, message: "is \(Size.text(data.count)), more than the \(Size.text(Self.maximumSize)) a record may be; move photos and scans into a bundle folder beside its index.md"))
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
                sink.add(Diagnostic(path: file.path, line: line, column: column,
                                    message: "the text is not valid UTF-8; save the file as UTF-8 in your editor"))
            case .utf16:
                sink.add(Diagnostic(path: file.path,
                                    message: "the file is saved as UTF-16 (\"Unicode\" in some editors); save it as UTF-8"))
            case .nulByte(let line, let column):
                sink.add(Diagnostic(path: file.path, line: line, column: column,
                                    message: "the file holds a NUL byte, so it is not a text file; save it again as plain UTF-8 text"))
            }
            return nil
        }
    }

    private func readYAML(_ yaml: String, path: String, firstLine: Int, sink: DiagnosticSink) -> FieldReader? {
        do {
            try YAMLGuard.check(yaml)
        } catch {
            sink.add(Diagnostic(path: path, line: error.line + firstLine - 1, column: error.column, message: error.message))
            return nil
        }
        do {
            let root = try YAMLTree.compose(yaml)
            return FieldReader.document(root, path: path, lineOffset: firstLine, sink: sink, labels: labels)
        } catch let error as YamlError {
            sink.add(YAMLErrorReport.diagnostic(error, yaml: yaml, path: path, firstLine: firstLine))
            return nil
        } catch {
            sink.add(Diagnostic(path: path, line: firstLine, message: "the front matter is not valid YAML: \(error)"))
            return nil
        }
    }

    public init(labels: ValueLabels) {
        self.labels = labels
    }
}

/// Rewords libyaml's errors for people who are not programmers.
enum YAMLErrorReport {
    static func diagnostic(_ error: YamlError, yaml: String, path: String, firstLine: Int) -> Diagnostic {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        func located(_ mark: Mark, _ problem: String) -> Diagnostic {
            let line = max(1, mark.line)
            let source = line <= lines.count ? lines[line - 1] : ""
            var message = "the front matter is not valid YAML: \(problem)"
            if problem.hasPrefix("Maximum nesting level reached") {
                // libyaml's own limit (1000 levels); its wording names a C function.
                message = "the front matter is not valid YAML: lists and fields are nested more than 1000 levels deep"
            } else if source.contains("\t") {
                message += "; indent with spaces, not tabs"
            } else if problem.contains("mapping values are not allowed") {
                message += "; a value containing \": \" must be put in quotes, e.g. title: \"Roof: round 2\""
            }
            return Diagnostic(path: path, line: line + firstLine - 1, column: mark.column, message: message)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _) where problem.contains("end of stream"):
            // libyaml blames the end of the text; the quote that was never closed is where to look.
            guard let context, context.text.contains("quoted") else { return located(mark, problem) }
            return Diagnostic(path: path, line: context.mark.line + firstLine - 1, column: context.mark.column,
                              message: "this quoted value is never closed; add the closing quote mark")
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return located(mark, problem)
        case .duplicatedKeysInMapping(let keys, let context):
            let first = context.mark
            let repeated = repeatLine(of: keys.first ?? "", after: first, in: lines)
            let parents = parentKeys(of: first, in: lines)
            let field = (parents + [keys.first ?? ""]).joined(separator: ".")
            let names = keys.map { "\"\((parents + [$0]).joined(separator: "."))\"" }.joined(separator: ", ")
            return Diagnostic(path: path, line: (repeated ?? first.line) + firstLine - 1, column: first.column,
                              field: field,
                              message: "the field \(names) is written more than once (first on line \(first.line + firstLine - 1)); keep one")
        case .reader(let problem, _, _, _):
            return Diagnostic(path: path, line: firstLine, message: "the front matter cannot be read: \(problem)")
        default:
            return Diagnostic(path: path, line: firstLine, message: "the front matter is not valid YAML: \(error)")
        }
    }

    /// The keys of the mappings that enclose the line at `mark` (`vote` for `for:` under `vote:`).
    private static func parentKeys(of mark: Mark, in lines: [Substring]) -> [String] {
        var keys: [String] = []
        var column = mark.column
        var index = mark.line - 2
        while index >= 0, column > 1 {
            let line = lines[index]
            let indent = line.prefix(while: { $0 == " " }).count
            if indent + 1 < column, let colon = line.firstIndex(of: ":"), line[line.index(after: colon)...].allSatisfy({ $0 == " " }) {
                keys.insert(String(line[line.index(line.startIndex, offsetBy: indent)..<colon]).trimmed, at: 0)
                column = indent + 1
            }
            index -= 1
        }
        return keys
    }

    /// libyaml reports only a duplicate key's first position; the repeat is the one to remove.
    private static func repeatLine(of key: String, after mark: Mark, in lines: [Substring]) -> Int? {
        guard mark.line < lines.count else { return nil }
        for index in mark.line..<lines.count {
            let line = lines[index]
            guard line.count >= mark.column else { continue }
            let rest = line.dropFirst(mark.column - 1)
            let indent = line.prefix(mark.column - 1)
            guard indent.allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            for spelling in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(spelling + ":") {
                return index + 1
            }
        }
        return nil
    }
}
