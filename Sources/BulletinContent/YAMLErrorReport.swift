import BulletinModel
import CYaml

/// Rewords libyaml's errors for people who are not programmers.
enum YAMLErrorReport {
    static func aliasMessage(startingWith start: String) -> Message {
        Message(.yamlAnchor, ["start": start])
    }

    /// What the parser stopped on, from the error it keeps once `yaml_parser_parse` fails.
    static let secondDocument = Message(.yamlDocumentEnd)

    /// What the parser stopped on, from the error it keeps once `yaml_parser_parse` fails;
    /// lines counted from `firstLine`.
    static func problem(_ parser: yaml_parser_t, yaml: String, firstLine: Int) -> YAMLProblem {
        let problem = parser.problem.map { String(cString: $0) } ?? "the text cannot be read"
        func at(_ mark: yaml_mark_t, _ reason: Message) -> YAMLProblem {
            YAMLProblem(line: Int(mark.line) + firstLine, column: Int(mark.column) + 1, message: reason)
        }
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return YAMLProblem(line: firstLine, column: 1, message: Message(.yamlOutOfMemory))
        case YAML_READER_ERROR:
            return YAMLProblem(line: firstLine, column: 1, message: Message(.yamlUnreadable, ["problem": problem]))
        default:
            // libyaml blames the end of the text; the quote that was never closed is where to look.
            if problem.contains("end of stream"), let context = parser.context, String(cString: context).contains("quoted") {
                return at(parser.context_mark, Message(.yamlQuoteUnclosed))
            }
            if problem.contains("<document start>") { return at(parser.problem_mark, secondDocument) }
            return at(parser.problem_mark, message(for: problem, onLine: Int(parser.problem_mark.line) + 1, of: yaml))
        }
    }

    private static func message(for problem: String, onLine line: Int, of yaml: String) -> Message {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let source = line >= 1 && line <= lines.count ? lines[line - 1] : ""
        let named = ["problem": explained(problem)]
        if source.contains("\t") { return Message(.yamlInvalidTabs, values: named) }
        if problem.contains("mapping values are not allowed") { return Message(.yamlInvalidColon, values: named) }
        return Message(.yamlInvalid, values: named)
    }

    /// libyaml's problem as a phrase of the catalog: explained in Chinese when it is one of
    /// those writers meet most, its own words otherwise.
    static func explained(_ problem: String) -> Message.Argument {
        if let known = known.first(where: { $0.english == problem }) { return known.messageArgument }
        if problem.hasPrefix(didNotFind), let expected = expected.first(where: { $0.english == problem.dropFirst(didNotFind.count) }) {
            return Message(.yamlDidNotFind, ["expected": expected]).messageArgument
        }
        return Message(.yamlOtherProblem, ["problem": problem]).messageArgument
    }

    private static let known: [DiagnosticKind] = [
        .yamlMappingValues, .yamlEndOfStream, .yamlCannotStartToken, .yamlTabViolatesIndentation,
        .yamlTabWhereSpaceExpected, .yamlColonMissing,
    ]
    private static let didNotFind = "did not find expected "
    private static let expected: [DiagnosticKind] = [.yamlExpectedKey, .yamlExpectedNode, .yamlExpectedListEnd, .yamlExpectedMapEnd]
}
