/// Renders compiled templates into one byte buffer, with swift-mustache's semantics
/// (Template+Render.swift): names resolve up the context stack, sections push their value,
/// lists render once per item, and a partial included on a line of its own indents every line
/// it renders the way swift-mustache does: before a token's output whenever that template's
/// own output so far ends in a line feed.
struct TemplateRenderer {
    typealias Node = CompiledTemplates.Node
    typealias ValuePath = CompiledTemplates.ValuePath

    private let templates: [[Node]?]
    private var out: [UInt8] = []
    private var stack: [ViewValue] = []
    /// The indentation of the partials being rendered, outermost first.
    private var indentation: [UInt8] = []
    /// How much of `indentation` to write before the next byte of output: swift-mustache adds
    /// a token's indentation only when the token renders something.
    private var pendingIndentation = 0

    private init(templates: [[Node]?]) {
        self.templates = templates
    }

    static func render(_ nodes: [Node], _ view: View, templates: CompiledTemplates, capacity: Int = 0) -> String {
        var renderer = TemplateRenderer(templates: templates.templates)
        renderer.out.reserveCapacity(max(capacity, 4096))
        renderer.stack.reserveCapacity(16)
        renderer.stack.append(.view(view))
        renderer.render(nodes)
        return String(decoding: renderer.out, as: UTF8.self)
    }

    /// One call of swift-mustache's `render(context:)`: a template's or a section's tokens.
    private mutating func render(_ nodes: [Node]) {
        guard !indentation.isEmpty else {
            for node in nodes { render(node) }
            return
        }
        let start = out.count
        for node in nodes {
            // While an outer token's indentation is pending, this output is still empty.
            guard endsWithLineFeed(since: start) else {
                render(node)
                continue
            }
            pendingIndentation = indentation.count
            render(node)
            pendingIndentation = 0
        }
    }

    /// Whether the output since `start` ends with the character "\n" ("\r\n" is one character).
    private func endsWithLineFeed(since start: Int) -> Bool {
        let end = out.count
        guard end > start, out[end - 1] == UInt8(ascii: "\n") else { return false }
        return end - 2 < start || out[end - 2] != UInt8(ascii: "\r")
    }

    private mutating func render(_ node: Node) {
        switch node {
        case .text(let bytes):
            write(bytes)
        case .variable(let path, let escaped):
            guard let value = lookUp(path) else { return }
            write(value, escaped: escaped)
        case .section(let path, let children):
            guard let value = lookUp(path) else { return }
            switch value {
            case .flag(let flag):
                if flag { render(children) }
            case .list(let items):
                for item in items { render(children, with: item) }
            case .views(let views):
                for view in views { render(children, with: .view(view)) }
            case .texts(let texts):
                for text in texts { render(children, with: .text(text)) }
            case .text, .number, .view, .null, .other:
                render(children, with: value)
            }
        case .inverted(let path, let children):
            guard let value = lookUp(path) else { return render(children) }
            switch value {
            case .flag(let flag):
                if !flag { render(children) }
            case .list(let items) where items.isEmpty:
                render(children, with: value)
            case .views(let views) where views.isEmpty:
                render(children, with: value)
            case .texts(let texts) where texts.isEmpty:
                render(children, with: value)
            default:
                return
            }
        case .partial(let number, let extra):
            guard let nodes = templates[number] else { return }
            guard let extra else { return render(nodes) }
            indentation += extra
            render(nodes)
            indentation.removeLast(extra.count)
        }
    }

    private mutating func render(_ nodes: [Node], with value: ViewValue) {
        stack.append(value)
        render(nodes)
        stack.removeLast()
    }

    // MARK: looking up

    private func lookUp(_ path: ValuePath) -> ViewValue? {
        switch path.start {
        case .current:
            return stack.last
        case .currentOnly:
            return descend(stack[stack.count - 1], path.names[...])
        case .stack:
            guard let first = path.names.first else { return stack.last }
            for frame in stack.reversed() {
                if case .view(let view) = frame, let child = view.values[first] {
                    return descend(child, path.names.dropFirst())
                }
            }
            return nil
        }
    }

    private func descend(_ value: ViewValue, _ names: ArraySlice<String>) -> ViewValue? {
        var value = value
        for name in names {
            guard case .view(let view) = value, let child = view.values[name] else { return nil }
            value = child
        }
        return value
    }

    // MARK: writing

    private mutating func flushIndentation() {
        out.append(contentsOf: indentation[..<pendingIndentation])
        pendingIndentation = 0
    }

    private mutating func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        if pendingIndentation > 0 { flushIndentation() }
        out.append(contentsOf: bytes)
    }

    private mutating func write(_ text: String, escaped: Bool) {
        guard !text.isEmpty else { return }
        if pendingIndentation > 0 { flushIndentation() }
        var text = text
        text.withUTF8 { bytes in
            guard escaped else { return out.append(contentsOf: bytes) }
            var from = 0
            for (index, byte) in bytes.enumerated() {
                let entity: StaticString
                switch byte {
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<index]))
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                from = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from...]))
        }
    }

    /// A value as swift-mustache shows it: `String(describing:)` of what it was set as.
    private mutating func write(_ value: ViewValue, escaped: Bool) {
        switch value {
        case .text(let text): write(text, escaped: escaped)
        case .number(let number): write(String(number), escaped: escaped)
        case .flag(let flag): write(flag ? "true" : "false", escaped: escaped)
        case .null: write("nil", escaped: escaped)
        case .view, .list, .views, .texts, .other: write(String(describing: value.any), escaped: escaped)
        }
    }
}
