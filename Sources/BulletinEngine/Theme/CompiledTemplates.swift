/// The theme's templates turned into node trees the `TemplateRenderer` walks: names split at
/// their dots, partials linked by number, escaping fixed per tag. A template that uses more
/// than the renderer knows, or includes one that does, is left out and rendered by
/// swift-mustache.
struct CompiledTemplates: Sendable {
    enum Node: Sendable {
        case text([UInt8])
        case variable(ValuePath, escaped: Bool)
        case section(ValuePath, [Node])
        case inverted(ValuePath, [Node])
        /// A partial by its number in `templates`, with the indentation a standalone tag adds.
        case partial(Int, indentation: [UInt8]?)
    }

    /// How a tag's name is looked up, as swift-mustache's `getChild` does it.
    struct ValuePath: Sendable {
        enum Start: Sendable {
            /// `.`: the current object.
            case current
            /// `.a.b`: from the current object only.
            case currentOnly
            /// `a.b`: `a` from the innermost object that has it.
            case stack
        }
        let start: Start
        /// The name split at dots, empty parts dropped.
        let names: [String]

        init(_ name: String) {
            if name == "." {
                start = .current
            } else if name.first == "." {
                start = .currentOnly
            } else {
                start = .stack
            }
            names = start == .current ? [] : name.split(separator: ".").map(String.init)
        }
    }

    /// Node trees by number; nil for templates left to swift-mustache.
    let templates: [[Node]?]
    let numbers: [String: Int]
    /// Why each template left out is not compiled, for tests and curious readers.
    let fallbacks: [String: String]

    /// Compiles each named template (its text exactly as given to swift-mustache).
    init(sources: [String: String]) {
        let names = sources.keys.sorted()
        var numbers: [String: Int] = [:]
        for (number, name) in names.enumerated() { numbers[name] = number }
        var parsed: [Result<[TemplateParser.Token], TemplateParser.Failure>] = names.map { name in
            Result { () throws(TemplateParser.Failure) in try TemplateParser.tokens(of: sources[name]!) }
        }
        var compiled: [[Node]?] = Array(repeating: nil, count: names.count)
        var reasons: [String: String] = [:]
        for (number, name) in names.enumerated() {
            do {
                compiled[number] = try Self.compile(parsed[number].get(), numbers: numbers, escaping: false)
            } catch {
                switch error {
                case .unsupported(let what): reasons[name] = "uses \(what)"
                case .malformed: reasons[name] = "is not read the same way as swift-mustache reads it"
                }
            }
        }
        parsed.removeAll()
        // A template including one that is not compiled is not compiled either.
        var changed = true
        while changed {
            changed = false
            for (number, name) in names.enumerated() {
                guard let nodes = compiled[number] else { continue }
                if let missing = Self.partials(in: nodes).first(where: { compiled[$0] == nil }) {
                    compiled[number] = nil
                    reasons[name] = "includes \(names[missing]), which \(reasons[names[missing]] ?? "")"
                    changed = true
                }
            }
        }
        templates = compiled
        self.numbers = numbers
        fallbacks = reasons
    }

    /// The renderable node tree of a template, or nil when swift-mustache renders it.
    func nodes(of name: String) -> [Node]? {
        numbers[name].flatMap { templates[$0] }
    }

    /// Tokens to nodes. `escaping` tells whether the engine's content type is in force, as it is
    /// after the pragma line each template starts with; before it, swift-mustache would escape
    /// with its own HTML content type, which the renderer does not do.
    private static func compile(_ tokens: [TemplateParser.Token], numbers: [String: Int],
                                escaping: Bool) throws(TemplateParser.Failure) -> [Node] {
        var escaping = escaping
        var nodes: [Node] = []
        for token in tokens {
            switch token {
            case .text(let text):
                nodes.append(.text(Array(text.utf8)))
            case .variable(let name, let escaped):
                if escaped, !escaping { throw .unsupported("escaping before the content-type pragma") }
                nodes.append(.variable(ValuePath(name), escaped: escaped))
            case .section(let name, let inverted, let inner):
                let children = try compile(inner, numbers: numbers, escaping: escaping)
                nodes.append(inverted ? .inverted(ValuePath(name), children) : .section(ValuePath(name), children))
            case .partial(let name, let indentation):
                // swift-mustache renders nothing for a partial it does not have.
                guard let number = numbers[name] else { continue }
                nodes.append(.partial(number, indentation: indentation.map { Array($0.utf8) }))
            case .contentType(let type):
                guard type == HTMLEscaping.name else { throw .unsupported("the content type \(type)") }
                escaping = true
            }
        }
        return nodes
    }

    private static func partials(in nodes: [Node]) -> [Int] {
        nodes.flatMap { node -> [Int] in
            switch node {
            case .partial(let number, _): [number]
            case .section(_, let children), .inverted(_, let children): partials(in: children)
            case .text, .variable: []
            }
        }
    }
}
