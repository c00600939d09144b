import CYaml

/// Rewords libyaml's errors for people who are not programmers.
enum YAMLErrorReport {
    static func aliasMessage(startingWith start: String) -> String {
        "anchors (&name) and aliases (*name) are not supported in front matter; write the value out in full, and put text that starts with \(start) in quotes"
    }

    /// What the parser stopped on, from the error it keeps once `yaml_parser_parse` fails.
    static let secondDocument = "a line `---` or `...` ends the fields early and more follows; remove that line, or put the text holding it in quotes"

    /// What the parser stopped on, from the error it keeps once `yaml_parser_parse` fails;
    /// lines counted from `firstLine`.
    static func problem(_ parser: yaml_parser_t, yaml: String, firstLine: Int) -> YAMLProblem {
        let problem = parser.problem.map { String(cString: $0) } ?? "the text cannot be read"
        func at(_ mark: yaml_mark_t, _ message: String) -> YAMLProblem {
            YAMLProblem(line: Int(mark.line) + firstLine, column: Int(mark.column) + 1, message: message)
        }
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return YAMLProblem(line: firstLine, column: 1, message: "the front matter cannot be read: out of memory")
        case YAML_READER_ERROR:
            return YAMLProblem(line: firstLine, column: 1, message: "the front matter cannot be read: \(problem)")
        default:
            // libyaml blames the end of the text; the quote that was never closed is where to look.
            if problem.contains("end of stream"), let context = parser.context, String(cString: context).contains("quoted") {
                return at(parser.context_mark, "this quoted value is never closed; add the closing quote mark")
            }
            if problem.contains("<document start>") { return at(parser.problem_mark, secondDocument) }
            return at(parser.problem_mark, message(for: problem, onLine: Int(parser.problem_mark.line) + 1, of: yaml))
        }
    }

    private static func message(for problem: String, onLine line: Int, of yaml: String) -> String {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let source = line >= 1 && line <= lines.count ? lines[line - 1] : ""
        let message = "the front matter is not valid YAML: \(problem)"
        if source.contains("\t") { return message + "; indent with spaces, not tabs" }
        if problem.contains("mapping values are not allowed") {
            return message + "; a value containing \": \" must be put in quotes, e.g. title: \"Roof: round 2\""
        }
        return message
    }
}
