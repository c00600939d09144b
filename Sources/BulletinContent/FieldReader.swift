import BulletinModel
import BulletinSupport
import Foundation

/// Reads typed fields out of a YAML mapping, reporting every problem with the file, line,
/// column and field, what was found and what is expected. Never throws: a bad field is
/// reported and read as missing, so one run finds every mistake.
final class FieldReader {
    let path: String
    let fieldPrefix: String
    private let lineOffset: Int
    private let sink: DiagnosticSink
    private let labels: ValueLabels
    private let mark: YAMLMark?
    /// The mapping's names, values and where each name is written, by position: a field is
    /// found by comparing names alone, without copying a value for every name passed.
    private var keys: [String] = []
    private var nodes: [YAMLNode] = []
    private var keyMarks: [YAMLMark?] = []

    init(mapping node: YAMLNode, path: String, lineOffset: Int, fieldPrefix: String = "",
         sink: DiagnosticSink, labels: ValueLabels) {
        self.path = path
        self.lineOffset = lineOffset
        self.fieldPrefix = fieldPrefix
        self.sink = sink
        self.labels = labels
        self.mark = node.mark
        if case .mapping(let mapping, _) = node {
            for (key, value) in mapping {
                guard case .scalar(let name) = key else {
                    report(key.mark, field: nil, Message(.fieldNameNotWord))
                    continue
                }
                keys.append(name.string)
                nodes.append(value)
                keyMarks.append(key.mark)
            }
        }
    }

    /// Reports every key not in `known`, with the nearest known spelling.
    func rejectUnknownKeys(_ known: [String]) {
        for (index, key) in keys.enumerated() where !known.contains(key) {
            let keyMark = keyMarks[index] ?? nodes[index].mark
            let hint = Suggestion.nearest(to: key, in: known).map { Message(.didYouMean, ["word": $0]) }
                ?? Message(.knownFields, ["fields": known])
            report(keyMark, field: key, Message(.fieldUnknown, ["hint": hint]))
        }
    }

    /// Where a field's value starts in the file.
    func position(of key: String) -> FieldPosition? {
        value(key).map { FieldPosition(line: $0.mark.line + lineOffset - 1, column: $0.mark.column) }
    }

    func has(_ key: String) -> Bool { value(key) != nil }

    /// The node for `key`, treating an empty value (`key:`) as absent.
    func value(_ key: String) -> YAMLNode? {
        guard let index = keys.firstIndex(of: key) else { return nil }
        let node = nodes[index]
        if case .scalar(let s) = node, s.isPlain, s.string.utf8.count <= 4, Self.nullWords.contains(s.string) { return nil }
        return node
    }

    // MARK: Scalars

    func string(_ key: String, required: Bool = false, example: String? = nil) -> String? {
        let example = example?.messageArgument ?? DiagnosticKind.exampleSomeText.messageArgument
        guard let node = present(key, required: required, example: example) else { return nil }
        guard case .scalar(let scalar) = node else {
            report(node.mark, field: key, Message(.fieldNotText, values: ["found": describe(node), "key": .text(key), "example": example]))
            return nil
        }
        let text = scalar.string.trimmed
        if text.isEmpty {
            if required { report(node.mark, field: key, Message(.fieldEmpty, values: ["key": .text(key), "example": example])) }
            return nil
        }
        if let control = ControlCharacters.first(in: text) {
            report(node.mark, field: key, ControlCharacters.problem(control))
            return nil
        }
        return BidiControls.balanced(text)
    }

    func int(_ key: String, required: Bool = false) -> Int? {
        guard let node = present(key, required: required, example: .text("12")) else { return nil }
        if case .scalar(let scalar) = node, let n = Int(scalar.string.utf8.contains(UInt8(ascii: "_")) ? scalar.string.replacingOccurrences(of: "_", with: "") : scalar.string), n >= 0 {
            return n
        }
        report(node.mark, field: key, Message(.fieldNotNumber, values: ["found": describe(node)]))
        return nil
    }

    func bool(_ key: String) -> Bool? {
        guard let node = present(key, required: false, example: .text("true")) else { return nil }
        if case .scalar(let scalar) = node {
            switch scalar.string.lowercased() {
            case "true", "yes": return true
            case "false", "no": return false
            default: break
            }
        }
        report(node.mark, field: key, Message(.fieldNotFlag, values: ["found": describe(node)]))
        return nil
    }

    func date(_ key: String, required: Bool = false) -> SimpleDate? {
        guard let node = present(key, required: required, example: .text("2024-05-18")) else { return nil }
        if case .scalar(let scalar) = node, let date = SimpleDate(iso: scalar.string) { return date }
        report(node.mark, field: key, Message(.fieldNotDate, values: ["found": describe(node)]))
        return nil
    }

    func time(_ key: String) -> TimeOfDay? {
        guard let node = present(key, required: false, example: .text("\"19:30\"")) else { return nil }
        if case .scalar(let scalar) = node, let time = TimeOfDay(text: scalar.string) { return time }
        report(node.mark, field: key, Message(.fieldNotTime, values: ["found": describe(node), "key": .text(key)]))
        return nil
    }

    /// An enumerated value: its snake_case name, or its display name in the site's language.
    func choice<E: ContentEnum>(_ key: String, _ type: E.Type, required: Bool = false) -> E? {
        let names = E.allCases.map(\.rawValue)
        guard let node = present(key, required: required, example: .text(names[0])) else { return nil }
        guard case .scalar(let scalar) = node else {
            report(node.mark, field: key, Message(.fieldNotChoice, values: ["found": describe(node), "values": names.messageArgument]))
            return nil
        }
        let written = scalar.string.trimmed
        if let value = E(rawValue: written) ?? E(rawValue: written.lowercased()) { return value }
        if let raw = labels.value(forLabel: written, group: E.group), let value = E(rawValue: raw) { return value }
        let candidates = names + labels.labels(in: E.group)
        let hint = Suggestion.nearest(to: written, in: candidates).map { Message(.didYouMeanFirst, ["word": $0]).messageArgument } ?? .text("")
        report(node.mark, field: key, Message(.choiceUnknown, values: ["value": .text(written), "hint": hint, "values": names.messageArgument]))
        return nil
    }

    // MARK: Collections

    func stringList(_ key: String) -> [String] {
        guard let node = value(key) else { return [] }
        guard case .sequence(let sequence, _) = node else {
            if case .scalar = node {
                report(node.mark, field: key, Message(.fieldNotList, values: ["found": describe(node), "key": .text(key)]))
            } else {
                report(node.mark, field: key, Message(.fieldNotTextList, values: ["found": describe(node)]))
            }
            return []
        }
        return sequence.enumerated().compactMap { index, item in
            guard case .scalar(let scalar) = item else {
                report(item.mark, field: "\(key)[\(index + 1)]", Message(.listItemNotText, values: ["found": describe(item)]))
                return nil
            }
            let text = scalar.string.trimmed
            if let control = ControlCharacters.first(in: text) {
                report(item.mark, field: "\(key)[\(index + 1)]", ControlCharacters.problem(control))
                return nil
            }
            return text.isEmpty ? nil : BidiControls.balanced(text)
        }
    }

    /// A list of maps, each read by `read` with its own nested reader.
    func mapList<T>(_ key: String, example: String, _ read: (FieldReader) -> T?) -> [T] {
        guard let node = value(key) else { return [] }
        guard case .sequence(let sequence, _) = node else {
            report(node.mark, field: key, Message(.fieldNotEntries, values: ["found": describe(node), "example": .text(example)]))
            return []
        }
        return sequence.enumerated().compactMap { index, item in
            guard case .mapping = item else {
                report(item.mark, field: "\(key)[\(index + 1)]", Message(.entryNotFields, values: ["found": describe(item), "example": .text(example)]))
                return nil
            }
            return read(nested(item, field: "\(key)[\(index + 1)]"))
        }
    }

    /// A nested map such as `vote: {for, against, abstain}`.
    func map(_ key: String, example: String) -> FieldReader? {
        guard let node = value(key) else { return nil }
        guard case .mapping = node else {
            report(node.mark, field: key, Message(.fieldNotGroup, values: ["found": describe(node), "example": .text(example)]))
            return nil
        }
        return nested(node, field: key)
    }

    // MARK: Reporting

    func report(_ mark: YAMLMark?, field: String?, _ problem: Message) {
        let line = (mark?.line ?? self.mark?.line ?? 1) + lineOffset - 1
        let column = mark?.column ?? 1
        sink.add(Diagnostic(path: path, line: line, column: column,
                            field: field.map { fieldPrefix.isEmpty ? $0 : "\(fieldPrefix).\($0)" }, problem))
    }

    /// Reports a problem that concerns a field as a whole (e.g. a missing required field).
    func report(field: String, _ problem: Message) {
        report(value(field)?.mark ?? mark, field: field, problem)
    }

    private func nested(_ node: YAMLNode, field: String) -> FieldReader {
        let prefixed = fieldPrefix.isEmpty ? field : "\(fieldPrefix).\(field)"
        return FieldReader(mapping: node, path: path, lineOffset: lineOffset, fieldPrefix: prefixed,
                           sink: sink, labels: labels)
    }

    private func present(_ key: String, required: Bool, example: Message.Argument) -> YAMLNode? {
        if let node = value(key) { return node }
        if required {
            report(mark, field: key, Message(.fieldRequired, values: ["key": .text(key), "example": example]))
        }
        return nil
    }

    /// What a value turned out to be, as messages put it.
    private func describe(_ node: YAMLNode) -> Message.Argument {
        switch node {
        case .scalar(let s): Message(.foundValue, ["value": s.string]).messageArgument
        case .mapping: DiagnosticKind.foundFields.messageArgument
        case .sequence: DiagnosticKind.foundList.messageArgument
        }
    }

    private static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]
}

extension FieldReader {
    /// Reader for the top-level mapping of a document; reports when the document is not a mapping.
    static func document(_ root: YAMLNode?, path: String, lineOffset: Int, sink: DiagnosticSink,
                         labels: ValueLabels) -> FieldReader? {
        guard let root, case .mapping = root else {
            let found: DiagnosticKind = root.map { node in
                if case .sequence = node { return .foundList }
                return .foundSingleValue
            } ?? .foundNothing
            sink.add(Diagnostic(path: path, line: lineOffset, column: 1, .frontMatterNotFields, ["found": found]))
            return nil
        }
        return FieldReader(mapping: root, path: path, lineOffset: lineOffset, sink: sink, labels: labels)
    }
}

/// Collects diagnostics for one file while it is read.
public final class DiagnosticSink {
    public private(set) var diagnostics: [Diagnostic] = []
    func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public init() {}
}
