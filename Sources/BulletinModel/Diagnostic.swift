import BulletinSupport

/// One problem found in the content or theme, located precisely enough for a person to fix it.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, CaseIterable { case error, warning }

    public var severity: Severity
    /// Path relative to the folder the build was pointed at (e.g. `communities/x/meetings/a.md`).
    public var path: String
    public var line: Int
    public var column: Int
    /// The front-matter field the problem is about, when there is one.
    public var field: String?
    public var message: String

    public init(_ severity: Severity = .error, path: String, line: Int = 1, column: Int = 1,
                field: String? = nil, message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    /// `path:line:column: error: field: message`, the form editors and CI annotate.
    public var description: String {
        let fieldPart = field.map { "\($0): " } ?? ""
        return "\(path):\(line):\(column): \(severity.rawValue): \(fieldPart)\(message)"
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
