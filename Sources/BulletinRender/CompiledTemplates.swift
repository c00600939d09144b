import BulletinContent
import BulletinModel
import BulletinSite
import BulletinSupport

/// The theme's templates compiled into one flat program the `TemplateRenderer` runs: a list of
/// plain operations (no reference counting to walk it), names split at their dots, partials
/// linked by number, escaping fixed per tag. A template that uses more than the renderer knows,
/// or includes one that does, is left out and rendered by swift-mustache.
public struct CompiledTemplates: Sendable, Equatable {
    struct Operation: Sendable, Equatable {
        enum Kind: UInt8, Sendable {
            /// `texts[a]`.
            case text
            /// The value at `paths[a]`, escaped or as it is.
            case escaped, unescaped
            /// The operations up to `b` for the value at `paths[a]`.
            case section, inverted
            /// Template number `a`; with `texts[b]` added to the indentation when indented.
            case partial, indentedPartial
        }
        let kind: Kind
        let a: Int32
        let b: Int32

        init(_ kind: Kind, _ a: Int, _ b: Int = 0) {
            (self.kind, self.a, self.b) = (kind, Int32(a), Int32(b))
        }
    }

    /// How a tag's name is looked up, as swift-mustache's `getChild` does it: the name split at
    /// its dots (empty parts dropped) is `names[first..<end]`.
    struct ValuePath: Sendable, Equatable {
        enum Start: UInt8, Sendable {
            /// `.`: the current object.
            case current
            /// `.a.b`: from the current object only.
            case currentOnly
            /// `a.b`: `a` from the innermost object that has it.
            case stack
        }
        let start: Start
        let first: Int32
        let end: Int32
    }

    private(set) var operations: [Operation] = []
    private(set) var texts: [String] = []
    /// For a text joined from several tokens in a row, those tokens: inside an indented
    /// partial each is checked for indentation, as swift-mustache does.
    private(set) var textTokens: [[String]] = []
    private(set) var paths: [ValuePath] = []
    /// The parts of the names of `paths`, and `View.key(_:)` of each, to pass over views that
    /// cannot have it without hashing the name.
    private(set) var names: [String] = []
    private(set) var keys: [UInt64] = []
    /// Each template's operations by number; nil for templates left to swift-mustache.
    private(set) var ranges: [Range<Int>?] = []
    let numbers: [String: Int]
    /// Why each template left out is not compiled, for tests and curious readers.
    private(set) var fallbacks: [String: String] = [:]

    /// Compiles each named template (its text exactly as given to swift-mustache).
    init(sources: [String: String]) {
        let names = sources.keys.sorted()
        numbers = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        for name in names {
            let start = operations.count
            do {
                try compile(TemplateParser.tokens(of: sources[name]!), escaping: false)
                ranges.append(start..<operations.count)
            } catch {
                operations.removeSubrange(start...)
                ranges.append(nil)
                switch error {
                case .unsupported(let what): fallbacks[name] = "uses \(what)"
                case .malformed: fallbacks[name] = "is not read the same way as swift-mustache reads it"
                }
            }
        }
        // A template including one that is not compiled is not compiled either.
        var changed = true
        while changed {
            changed = false
            for (number, name) in names.enumerated() {
                guard let range = ranges[number] else { continue }
                let included = operations[range].filter { $0.kind == .partial || $0.kind == .indentedPartial }
                if let missing = included.first(where: { ranges[Int($0.a)] == nil }) {
                    ranges[number] = nil
                    let other = names[Int(missing.a)]
                    fallbacks[name] = "includes \(other), which \(fallbacks[other] ?? "")"
                    changed = true
                }
            }
        }
    }

    /// The page rendered by the compiled template, or nil when swift-mustache renders it.
    /// `root` goes where shared views' links have `Routes.rootMarker`; `fragments` keeps
    /// their text for other pages.
    func render(_ name: String, _ view: View, root: String = "", fragments: SharedFragments? = nil) -> [UInt8]? {
        guard let number = numbers[name], let range = ranges[number] else { return nil }
        return TemplateRenderer.render(range, view, program: self, fragments: fragments, root: root)
    }

    private mutating func appendPath(_ name: String) {
        let start: ValuePath.Start = name == "." ? .current : name.first == "." ? .currentOnly : .stack
        let parts = start == .current ? [] : name.split(separator: ".").map(String.init)
        paths.append(ValuePath(start: start, first: Int32(names.count), end: Int32(names.count + parts.count)))
        names += parts
        keys += parts.map(View.key)
    }

    /// Appends the operations of tokens. `escaping` tells whether the engine's content type is
    /// in force, as it is after the pragma line each template starts with; before it,
    /// swift-mustache would escape with its own HTML content type, which is left to it.
    private mutating func compile(_ tokens: [TemplateParser.Token], escaping: Bool) throws(TemplateParser.Failure) {
        var escaping = escaping
        var joinable = false
        for token in tokens {
            switch token {
            case .text(let text):
                if joinable {
                    let last = texts.count - 1
                    if textTokens[last].isEmpty { textTokens[last] = [texts[last]] }
                    textTokens[last].append(text)
                    texts[last] += text
                } else {
                    operations.append(Operation(.text, texts.count))
                    texts.append(text)
                    textTokens.append([])
                }
                joinable = true
                continue
            case .variable(let name, let escaped):
                if escaped, !escaping { throw .unsupported("escaping before the content-type pragma") }
                operations.append(Operation(escaped ? .escaped : .unescaped, paths.count))
                appendPath(name)
            case .section(let name, let inverted, let inner):
                let (at, path) = (operations.count, paths.count)
                operations.append(Operation(.text, 0))
                appendPath(name)
                try compile(inner, escaping: escaping)
                operations[at] = Operation(inverted ? .inverted : .section, path, operations.count)
            case .partial(let name, let indentation):
                // swift-mustache renders nothing for a partial it does not have.
                guard let number = numbers[name] else { continue }
                if let indentation {
                    operations.append(Operation(.indentedPartial, number, texts.count))
                    texts.append(indentation)
                    textTokens.append([])
                } else {
                    operations.append(Operation(.partial, number))
                }
            case .contentType(let type):
                guard type == HTMLEscaping.name else { throw .unsupported("the content type \(type)") }
                escaping = true
                // Renders nothing, so text on either side may still be joined.
                continue
            }
            joinable = false
        }
    }
}

extension CompiledTemplates {
    /// For the build cache: a theme whose templates are unchanged is not parsed again.
    public func write(to w: inout BinaryWriter) {
        w.array(operations) { w, op in
            w.int(Int(op.kind.rawValue))
            w.int(Int(op.a))
            w.int(Int(op.b))
        }
        w.array(texts) { $0.string($1) }
        w.array(textTokens) { w, tokens in w.array(tokens) { $0.string($1) } }
        w.array(paths) { w, path in
            w.int(Int(path.start.rawValue))
            w.int(Int(path.first))
            w.int(Int(path.end))
        }
        w.array(names) { $0.string($1) }
        w.array(ranges) { w, range in w.optional(range) { w, range in
            w.int(range.lowerBound)
            w.int(range.upperBound)
        } }
        w.array(numbers.sorted { $0.key < $1.key }) { w, entry in
            w.string(entry.key)
            w.int(entry.value)
        }
        w.array(fallbacks.sorted { $0.key < $1.key }) { w, entry in
            w.string(entry.key)
            w.string(entry.value)
        }
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Damaged) {
        operations = try r.array { r throws(BinaryReader.Damaged) in
            guard let kind = Operation.Kind(rawValue: UInt8(clamping: try r.int())) else { throw BinaryReader.Damaged() }
            return Operation(kind, try r.int(), try r.int())
        }
        texts = try r.array { r throws(BinaryReader.Damaged) in try r.string() }
        textTokens = try r.array { r throws(BinaryReader.Damaged) in try r.array { r throws(BinaryReader.Damaged) in try r.string() } }
        paths = try r.array { r throws(BinaryReader.Damaged) in
            guard let start = ValuePath.Start(rawValue: UInt8(clamping: try r.int())) else { throw BinaryReader.Damaged() }
            return ValuePath(start: start, first: Int32(clamping: try r.int()), end: Int32(clamping: try r.int()))
        }
        names = try r.array { r throws(BinaryReader.Damaged) in try r.string() }
        keys = names.map(View.key)
        ranges = try r.array { r throws(BinaryReader.Damaged) in
            try r.optional { r throws(BinaryReader.Damaged) in
                let (lower, upper) = (try r.int(), try r.int())
                guard lower <= upper else { throw BinaryReader.Damaged() }
                return lower..<upper
            }
        }
        numbers = Dictionary(try r.array { r throws(BinaryReader.Damaged) in (try r.string(), try r.int()) }, uniquingKeysWith: { a, _ in a })
        fallbacks = Dictionary(try r.array { r throws(BinaryReader.Damaged) in (try r.string(), try r.string()) }, uniquingKeysWith: { a, _ in a })
        // A program that would read outside itself is not trusted.
        guard operations.allSatisfy({ op in
                  switch op.kind {
                  case .text: Int(op.a) < texts.count
                  case .escaped, .unescaped: Int(op.a) < paths.count
                  case .section, .inverted: Int(op.a) < paths.count && Int(op.b) <= operations.count
                  case .partial: Int(op.a) < ranges.count
                  case .indentedPartial: Int(op.a) < ranges.count && Int(op.b) < texts.count
                  }
              }),
              paths.allSatisfy({ $0.first >= 0 && $0.first <= $0.end && Int($0.end) <= names.count }),
              ranges.allSatisfy({ $0.map { $0.lowerBound >= 0 && $0.upperBound <= operations.count } ?? true }),
              textTokens.count == texts.count, numbers.values.allSatisfy({ $0 >= 0 && $0 < ranges.count })
        else { throw BinaryReader.Damaged() }
    }
}
