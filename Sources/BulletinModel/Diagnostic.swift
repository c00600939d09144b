import BulletinSupport

/// One problem found in the content or theme, located precisely enough for a person to fix it.
/// What it says is an entry of the catalog (`DiagnosticKind`) filled in, so it can be given in
/// the language of the people who write the site, and matched by tools on its code.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, CaseIterable { case error, warning }

    public var severity: Severity
    /// Path relative to the folder the build was pointed at (e.g. `communities/x/meetings/a.md`).
    public var path: String
    public var line: Int
    public var column: Int
    /// The front-matter field the problem is about, when there is one.
    public var field: String?
    /// What is wrong and how to put it right.
    public var problem: Message

    public init(_ severity: Severity = .error, path: String, line: Int = 1, column: Int = 1,
                field: String? = nil, _ problem: Message) {
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.field = field
        self.problem = problem
    }

    /// `Diagnostic(path: file.path, .fieldUnknown, ["hint": hint])`
    public init(_ severity: Severity = .error, path: String, line: Int = 1, column: Int = 1,
                field: String? = nil, _ kind: DiagnosticKind, _ arguments: KeyValuePairs<String, any MessageArgument> = [:]) {
        self.init(severity, path: path, line: line, column: column, field: field, Message(kind, arguments))
    }

    /// For an error that is not the content's, whose own description is all there is to say
    /// (kind `unexpected`). Everything the build finds wrong is said through the catalog; a
    /// test reads the sources for uses of this.
    public init(_ severity: Severity = .error, path: String, line: Int = 1, column: Int = 1,
                field: String? = nil, message: String) {
        self.init(severity, path: path, line: line, column: column, field: field, Message(.unexpected, ["text": message]))
    }

    public var kind: DiagnosticKind { problem.kind }
    /// The kind's stable code (`field-unknown`).
    public var code: String { problem.kind.code }
    /// The message in English.
    public var message: String { problem.english }

    public func message(in language: DiagnosticLanguage) -> String { problem.text(in: language) }

    /// `path:line:column: error: field: message` in English, the form editors and CI annotate.
    public var description: String { description(in: .english) }

    /// The same line with the message in `language`; `error` and `warning` stay as they are,
    /// the words editors look for.
    public func description(in language: DiagnosticLanguage) -> String {
        let fieldPart = field.map { "\($0): " } ?? ""
        return "\(path):\(line):\(column): \(severity.rawValue): \(fieldPart)\(message(in: language))"
    }
}

extension Diagnostic {
    /// Sorted by file then position, so output is stable whatever order files were read in.
    public static func ordered(_ list: [Diagnostic]) -> [Diagnostic] {
        list.sorted { a, b in
            (a.path, a.line, a.column, a.message) < (b.path, b.line, b.column, b.message)
        }
    }
}

/// Thrown by the pipeline when a stage found errors: the build stops before writing anything.
public struct BuildFailed: Error, Sendable {
    public let diagnostics: [Diagnostic]
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
