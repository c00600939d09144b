import BulletinModel
import BulletinSupport
import CYaml
import Yams

// libyaml, as Yams vendors it (its C target CYaml), read directly: front matter needs only
// scalars, lists and mappings with their positions, and building Yams' node tree for every
// record was most of the time spent on YAML.

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

enum YAMLTree {
    /// The single document of `yaml`, nil when it holds none. Valid front matter is read
    /// straight from libyaml's events; anything else (a syntax error, an alias, a key that is
    /// not plain text or is repeated, a second document) goes through Yams, which reports
    /// it in the terms `YAMLErrorReport` rewords.
    static func compose(_ yaml: String) throws -> YAMLNode? {
        switch Fast.compose(yaml) {
        case .document(let root): return root
        case .empty: return nil
        case .declined:
            // Tags are not resolved: fields are typed by the record model, which reads the text as
            // written. The encoding is named: Yams' default reads the process environment each call.
            let root = try Yams.compose(yaml: yaml, Resolver.basic, .default, .utf8)
            return root.map(YAMLNode.init)
        }
    }
}

extension YAMLNode {
    /// A Yams node as this tree holds it (aliases are refused before parsing, see `YAMLGuard`).
    init(_ node: Node) {
        let mark = YAMLMark(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        switch node {
        case .scalar(let scalar): self = .scalar(YAMLScalar(string: scalar.string, isPlain: scalar.style == .plain, mark: mark))
        case .sequence(let sequence): self = .sequence(sequence.map(YAMLNode.init), mark)
        case .mapping(let mapping): self = .mapping(mapping.map { (YAMLNode($0.key), YAMLNode($0.value)) }, mark)
        case .alias: self = .scalar(YAMLScalar(string: "", isPlain: true, mark: mark))
        }
    }
}

/// The event walk. Declines rather than decides anything the full parser should.
private enum Fast {
    enum Outcome {
        case document(YAMLNode)
        case empty
        case declined
    }

    struct Declined: Error {}

    static func compose(_ yaml: String) -> Outcome {
        var text = yaml
        // On the heap: libyaml keeps working on the parser between calls, so it must not move.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        defer { parser.deinitialize(count: 1); parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { return .declined }
        defer { yaml_parser_delete(parser) }
        return text.withUTF8 { bytes -> Outcome in
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
            return walk(Events(parser: parser))
        }
    }

    private static func walk(_ events: Events) -> Outcome {
        do {
            try events.expect(YAML_STREAM_START_EVENT)
            var event = try events.next()
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_END_EVENT { return .empty }
            guard event.type == YAML_DOCUMENT_START_EVENT else { return .declined }
            let root = try events.node()
            try events.expect(YAML_DOCUMENT_END_EVENT)
            try events.expect(YAML_STREAM_END_EVENT)
            return .document(root)
        } catch {
            return .declined
        }
    }

    struct Events {
        let parser: UnsafeMutablePointer<yaml_parser_t>

        init(parser: UnsafeMutablePointer<yaml_parser_t>) { self.parser = parser }

        /// The next event; the caller deletes it.
        func next() throws(Declined) -> yaml_event_t {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else { throw Declined() }
            return event
        }

        func expect(_ type: yaml_event_type_t) throws(Declined) {
            var event = try next()
            defer { yaml_event_delete(&event) }
            guard event.type == type else { throw Declined() }
        }

        /// The value starting with the next event.
        func node() throws(Declined) -> YAMLNode {
            var event = try next()
            defer { yaml_event_delete(&event) }
            return try node(startingWith: &event)
        }

        private func node(startingWith event: inout yaml_event_t) throws(Declined) -> YAMLNode {
            let mark = YAMLMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                guard scalar.anchor == nil else { throw Declined() }
                let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
                return .scalar(YAMLScalar(string: value, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE, mark: mark))
            case YAML_SEQUENCE_START_EVENT:
                guard event.data.sequence_start.anchor == nil else { throw Declined() }
                var items: [YAMLNode] = []
                while true {
                    var item = try next()
                    defer { yaml_event_delete(&item) }
                    if item.type == YAML_SEQUENCE_END_EVENT { break }
                    items.append(try node(startingWith: &item))
                }
                return .sequence(items, mark)
            case YAML_MAPPING_START_EVENT:
                guard event.data.mapping_start.anchor == nil else { throw Declined() }
                var pairs: [(key: YAMLNode, value: YAMLNode)] = []
                var names = Set<String>()
                while true {
                    var keyEvent = try next()
                    defer { yaml_event_delete(&keyEvent) }
                    if keyEvent.type == YAML_MAPPING_END_EVENT { break }
                    let key = try node(startingWith: &keyEvent)
                    // Keys other than text, and repeated keys, are Yams' to report.
                    guard let name = key.string, names.insert(name).inserted else { throw Declined() }
                    pairs.append((key, try node()))
                }
                return .mapping(pairs, mark)
            default:
                throw Declined()
            }
        }
    }
}
