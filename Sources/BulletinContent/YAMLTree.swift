import BulletinModel
import BulletinSupport
import CYaml

// YAML is read one way: libyaml's events (through Yams' C target CYaml), walked into the small
// tree front matter needs. The walk itself refuses what fields never need and what could make
// reading unbounded: anchors and aliases (a "billion laughs" document expands exponentially
// where aliases are resolved), nesting deeper than a few levels, and repeated keys. libyaml
// parses one event at a time, so a refusal comes at the first offending event, wherever it
// stands and however it is spelt.

/// Where a YAML value starts: line and column from 1, columns counted in characters.
struct YAMLMark: Equatable {
    let line: Int
    let column: Int
}

/// A YAML value as front matter uses it.
indirect enum YAMLNode {
    case scalar(YAMLScalar)
    case sequence([YAMLNode], YAMLMark)
    case mapping([(key: YAMLNode, value: YAMLNode)], YAMLMark)

    var mark: YAMLMark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .sequence(_, let mark), .mapping(_, let mark): mark
        }
    }

    var string: String? {
        if case .scalar(let scalar) = self { scalar.string } else { nil }
    }
}

struct YAMLScalar {
    let string: String
    /// Written without quotes or a block indicator, so `null` or `~` in it means nothing.
    let isPlain: Bool
    let mark: YAMLMark
}

/// Why a YAML text was not read, in words for the person who wrote it, where it is in its file;
/// the field is a repeated key's dotted name.
public struct YAMLProblem: Error, Equatable {
    public let line: Int
    public let column: Int
    public var field: String?
    public let reason: Message

    /// The reason in English.
    public var message: String { reason.english }

    init(line: Int, column: Int, field: String? = nil, message reason: Message) {
        (self.line, self.column, self.field, self.reason) = (line, column, field, reason)
    }
}

public enum YAMLTree {
    static let maximumBytes = 256 << 10
    static let maximumDepth = 32

    /// The single document of `yaml`, nil when it holds none. Tags are not resolved: fields are
    /// typed by the record model, which reads the text as written. A problem's lines are counted
    /// from `firstLine`, the text's first line in its file.
    static func read(_ yaml: String, firstLine: Int = 1) throws(YAMLProblem) -> YAMLNode? {
        _ = libyamlLimitLifted
        if yaml.utf8.count > maximumBytes {
            throw YAMLProblem(line: firstLine, column: 1, message: Message(.yamlTooLarge, ["size": Size.text(yaml.utf8.count), "limit": Size.text(maximumBytes)]))
        }
        var text = yaml
        // On the heap: libyaml keeps working on the parser between calls, so it must not move.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        defer { parser.deinitialize(count: 1); parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            throw YAMLProblem(line: firstLine, column: 1, message: Message(.yamlOutOfMemory))
        }
        defer { yaml_parser_delete(parser) }
        let outcome = text.withUTF8 { bytes -> Result<YAMLNode?, YAMLProblem> in
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
            return Result { () throws(YAMLProblem) in try Events(parser: parser, yaml: yaml, firstLine: firstLine).document() }
        }
        return try outcome.get()
    }

    /// Nesting is limited by the walk, at the first list or mapping too deep. libyaml's own
    /// limit counts every `[` its scanner has read ahead (up to 1,024 characters), so it would
    /// answer first, in its own words; it is set beyond any nesting the text can hold.
    private static let libyamlLimitLifted: Void = yaml_set_max_nest_level(Int32(maximumBytes + 1))

    /// The document as plain values, for files that are words rather than fields (a theme's
    /// strings): a mapping is `[String: Any]`, a list `[Any]`, any other value its text.
    public static func plainValue(of yaml: String) throws(YAMLProblem) -> Any? {
        func plain(_ node: YAMLNode) -> Any {
            switch node {
            case .scalar(let scalar): scalar.string
            case .sequence(let items, _): items.map(plain)
            case .mapping(let pairs, _): Dictionary(pairs.map { ($0.key.string ?? "", plain($0.value)) }, uniquingKeysWith: { first, _ in first })
            }
        }
        return try read(yaml).map(plain)
    }
}

/// The walk over libyaml's events.
private struct Events {
    let parser: UnsafeMutablePointer<yaml_parser_t>
    let yaml: String
    let firstLine: Int

    func document() throws(YAMLProblem) -> YAMLNode? {
        try expect(YAML_STREAM_START_EVENT)
        var event = try next()
        defer { yaml_event_delete(&event) }
        if event.type == YAML_STREAM_END_EVENT { return nil }
        let root = try node(startingWith: next(), depth: 0, field: "")
        try expect(YAML_DOCUMENT_END_EVENT)
        var end = try next()
        defer { yaml_event_delete(&end) }
        guard end.type == YAML_STREAM_END_EVENT else {
            throw problem(at: end.start_mark, YAMLErrorReport.secondDocument)
        }
        return root
    }

    /// The next event; the caller deletes it.
    private func next() throws(YAMLProblem) -> yaml_event_t {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw YAMLErrorReport.problem(parser.pointee, yaml: yaml, firstLine: firstLine) }
        return event
    }

    private func expect(_ type: yaml_event_type_t) throws(YAMLProblem) {
        var event = try next()
        defer { yaml_event_delete(&event) }
        // libyaml gives events in a fixed order around a document; anything else is not YAML.
        guard event.type == type else { throw problem(at: event.start_mark, Message(.yamlStructure)) }
    }

    private func problem(at mark: yaml_mark_t, field: String? = nil, _ reason: Message) -> YAMLProblem {
        YAMLProblem(line: Int(mark.line) + firstLine, column: Int(mark.column) + 1, field: field, message: reason)
    }

    private func refuseAnchor(_ anchor: UnsafeMutablePointer<yaml_char_t>?, at mark: yaml_mark_t) throws(YAMLProblem) {
        if anchor != nil { throw problem(at: mark, YAMLErrorReport.aliasMessage(startingWith: "&")) }
    }

    /// The value that `event` starts (`event` is taken and deleted); `depth` counts the lists
    /// and mappings around it (none around the top one), `field` names it for a repeated key's
    /// message.
    private func node(startingWith first: yaml_event_t, depth: Int, field: String) throws(YAMLProblem) -> YAMLNode {
        var event = first
        defer { yaml_event_delete(&event) }
        let mark = YAMLMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            try refuseAnchor(scalar.anchor, at: event.start_mark)
            let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
            return .scalar(YAMLScalar(string: value, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE, mark: mark))
        case YAML_ALIAS_EVENT:
            throw problem(at: event.start_mark, YAMLErrorReport.aliasMessage(startingWith: "*"))
        case YAML_SEQUENCE_START_EVENT:
            try refuseAnchor(event.data.sequence_start.anchor, at: event.start_mark)
            try checkDepth(depth, at: event.start_mark)
            var items: [YAMLNode] = []
            while true {
                let item = try next()
                if item.type == YAML_SEQUENCE_END_EVENT {
                    var end = item
                    yaml_event_delete(&end)
                    return .sequence(items, mark)
                }
                items.append(try node(startingWith: item, depth: depth + 1, field: "\(field)[\(items.count + 1)]"))
            }
        case YAML_MAPPING_START_EVENT:
            try refuseAnchor(event.data.mapping_start.anchor, at: event.start_mark)
            try checkDepth(depth, at: event.start_mark)
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            var firstLines: [String: Int] = [:]
            while true {
                let keyEvent = try next()
                if keyEvent.type == YAML_MAPPING_END_EVENT {
                    var end = keyEvent
                    yaml_event_delete(&end)
                    return .mapping(pairs, mark)
                }
                let key = try node(startingWith: keyEvent, depth: depth + 1, field: field)
                let name = key.string.map { field.isEmpty ? $0 : "\(field).\($0)" } ?? field
                if let text = key.string {
                    if let first = firstLines[text] {
                        throw YAMLProblem(line: key.mark.line + firstLine - 1, column: key.mark.column, field: name,
                                          message: Message(.yamlDuplicateField, ["field": name, "line": first + firstLine - 1]))
                    }
                    firstLines[text] = key.mark.line
                }
                pairs.append((key, try node(startingWith: next(), depth: depth + 1, field: name)))
            }
        default:
            throw problem(at: event.start_mark, Message(.yamlStructure))
        }
    }

    private func checkDepth(_ depth: Int, at mark: yaml_mark_t) throws(YAMLProblem) {
        // libyaml's own limit (1000 levels) is never reached.
        if depth > YAMLTree.maximumDepth {
            throw problem(at: mark, Message(.yamlTooDeep, ["depth": YAMLTree.maximumDepth]))
        }
    }
}
