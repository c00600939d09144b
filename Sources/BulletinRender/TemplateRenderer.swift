import BulletinContent
import BulletinModel
import BulletinSite
import BulletinSupport

/// Runs compiled templates into one string, with swift-mustache's semantics
/// (Template+Render.swift): names resolve up the context stack, sections push their value,
/// lists render once per item, and a partial included on a line of its own indents every line
/// it renders the way swift-mustache does: before a token's output whenever that template's
/// (or section's) own output so far ends in a line feed.
struct TemplateRenderer {
    typealias Operation = CompiledTemplates.Operation
    typealias ValuePath = CompiledTemplates.ValuePath

    private let program: CompiledTemplates
    /// The page's bytes: appending bytes is a copy, appending to a `String` a validation too.
    private var out: [UInt8] = []
    private var stack: [ViewValue] = []
    /// The indentation of each level of partials being rendered: "" at the top, then each
    /// level's own added to its includer's.
    private var indentations = [""]
    /// The level in `indentations` to write before the next output, or 0 for none:
    /// swift-mustache indents a token only when the token renders something.
    private var pendingLevel = 0
    private let fragments: SharedFragments?
    /// This page's way to the site root, put where shared text has `Routes.rootMarker`.
    private let root: String
    /// While a shared fragment is rendered, the stack position of its view; lookups below it
    /// read the page around the fragment.
    private var sharedFloor = Int.max
    /// Set when the fragment being rendered read a value of the page that is not shared, or
    /// missed a name some page may have: its text is then not kept.
    private var readsPage = false

    static func render(_ range: Range<Int>, _ view: View, program: CompiledTemplates, fragments: SharedFragments?,
                       root: String) -> [UInt8] {
        var renderer = TemplateRenderer(program: program, fragments: fragments, root: root)
        renderer.out.reserveCapacity(16384)
        renderer.stack.reserveCapacity(16)
        renderer.stack.append(.view(view))
        renderer.render(range)
        return renderer.out
    }

    private init(program: CompiledTemplates, fragments: SharedFragments?, root: String) {
        self.program = program
        self.fragments = fragments
        self.root = root
    }

    /// One call of swift-mustache's `render(context:)`: a template's or a section's tokens.
    private mutating func render(_ range: Range<Int>) {
        var index = range.lowerBound
        let level = indentations.count - 1
        guard !indentations[level].isEmpty else {
            while index < range.upperBound { index = run(index) }
            return
        }
        let start = out.count
        while index < range.upperBound {
            let operation = program.operations[index]
            if operation.kind == .text, !program.textTokens[Int(operation.a)].isEmpty {
                for token in program.textTokens[Int(operation.a)] {
                    _ = indent(level, since: start)
                    write(token)
                }
                index += 1
            } else if indent(level, since: start) {
                index = run(index)
                pendingLevel = 0
            } else {
                index = run(index)
            }
        }
    }

    /// Indents the next output at `level` if the output since `start` ends with the character
    /// "\n" ("\r\n" is one character). While an outer token's indentation is still pending,
    /// the output since `start` is empty, so it is left alone.
    private mutating func indent(_ level: Int, since start: Int) -> Bool {
        let end = out.count
        guard end > start, out[end - 1] == UInt8(ascii: "\n"),
              end - 2 < start || out[end - 2] != UInt8(ascii: "\r") else { return false }
        pendingLevel = level
        return true
    }

    /// Runs the operation at `index`; returns the index of the next one.
    private mutating func run(_ index: Int) -> Int {
        let operation = program.operations[index]
        let a = Int(operation.a)
        switch operation.kind {
        case .text:
            write(program.texts[a])
        case .escaped, .unescaped:
            guard let value = value(at: program.paths[a]) else { break }
            write(value, escaped: operation.kind == .escaped)
        case .section:
            let children = index + 1..<Int(operation.b)
            guard let value = value(at: program.paths[a]) else { return children.upperBound }
            switch value {
            case .flag(let flag):
                if flag { render(children) }
            case .list(let items):
                for item in items { render(children, with: item) }
            case .views(let views):
                for view in views { render(children, with: .view(view)) }
            case .shared(let shared):
                for (index, identity) in shared.identities.enumerated() {
                    renderShared(children, identity: identity) { shared.make(index) }
                }
            case .texts(let texts):
                for text in texts { render(children, with: .text(text)) }
            case .text, .bytes, .number, .view, .null, .other:
                render(children, with: value)
            }
            return children.upperBound
        case .inverted:
            let children = index + 1..<Int(operation.b)
            guard let value = value(at: program.paths[a]) else {
                render(children)
                return children.upperBound
            }
            switch value {
            case .flag(false): render(children)
            case .list(let items) where items.isEmpty: render(children, with: value)
            case .views(let views) where views.isEmpty: render(children, with: value)
            case .shared(let shared) where shared.identities.isEmpty: render(children, with: value)
            case .texts(let texts) where texts.isEmpty: render(children, with: value)
            default: break
            }
            return children.upperBound
        case .partial:
            if let range = program.ranges[a] { render(range) }
        case .indentedPartial:
            guard let range = program.ranges[a] else { break }
            indentations.append(indentations[indentations.count - 1] + program.texts[Int(operation.b)])
            render(range)
            indentations.removeLast()
        }
        return index + 1
    }

    private mutating func render(_ range: Range<Int>, with value: ViewValue) {
        stack.append(value)
        render(range)
        stack.removeLast()
    }

    /// A section over a shared view: the text kept from an earlier page, or rendered and kept
    /// when it read nothing particular to this page; either way with this page's root put in.
    /// An inner shared view is rendered as part of the outer one.
    private mutating func renderShared(_ children: Range<Int>, identity: ObjectIdentifier, view: () -> View) {
        guard sharedFloor == Int.max else {
            render(children, with: .view(view()))
            return
        }
        let key = SharedFragments.Key(identity: identity, section: children.lowerBound,
                                      indentation: indentations[indentations.count - 1])
        if pendingLevel == 0, let kept = fragments?[key] {
            emit(kept)
            return
        }
        let keepable = pendingLevel == 0
        var page: [UInt8] = []
        swap(&page, &out)
        (sharedFloor, readsPage) = (stack.count, false)
        render(children, with: .view(view()))
        sharedFloor = Int.max
        swap(&page, &out)
        let text = SharedFragments.Text(page)
        if keepable, pendingLevel == 0, !readsPage { fragments?[key] = text }
        emit(text)
    }

    private mutating func emit(_ text: SharedFragments.Text) {
        text.append(to: &out, root: root)
    }

    // MARK: looking up

    private mutating func value(at path: ValuePath) -> ViewValue? {
        let (value, fromPage) = lookUp(path)
        if fromPage { readsPage = true }
        return value
    }

    /// The value at `path`, and whether it came from below a shared fragment being rendered
    /// (or was missed there) and may differ from page to page.
    private func lookUp(_ path: ValuePath) -> (value: ViewValue?, fromPage: Bool) {
        let (first, end) = (Int(path.first), Int(path.end))
        switch path.start {
        case .current:
            return (stack[stack.count - 1], false)
        case .currentOnly:
            return (descend(stack[stack.count - 1], first..<end), false)
        case .stack:
            guard first < end else { return (stack[stack.count - 1], false) }
            let key = program.keys[first]
            var index = stack.count - 1
            while index >= sharedFloor {
                if case .view(let view) = stack[index], let child = view.value(named: program.names[first], key: key) {
                    return (descend(child, first + 1..<end), false)
                }
                index -= 1
            }
            while index >= 0 {
                if case .view(let view) = stack[index], let (child, shared) = view.entry(named: program.names[first], key: key) {
                    return (descend(child, first + 1..<end), !shared && sharedFloor != Int.max)
                }
                index -= 1
            }
            return (nil, sharedFloor != Int.max)
        }
    }

    /// The value at the names `parts` below `value`.
    private func descend(_ value: ViewValue, _ parts: Range<Int>) -> ViewValue? {
        var value = value
        for part in parts {
            guard case .view(let view) = value,
                  let child = view.value(named: program.names[part], key: program.keys[part]) else { return nil }
            value = child
        }
        return value
    }

    // MARK: writing

    private mutating func write(_ text: String) {
        guard !text.isEmpty else { return }
        writePendingIndentation()
        append(text)
    }

    private mutating func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        writePendingIndentation()
        out.append(contentsOf: bytes)
    }

    private mutating func writePendingIndentation() {
        guard pendingLevel > 0 else { return }
        append(indentations[pendingLevel])
        pendingLevel = 0
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    private mutating func write(_ text: String, escaped: Bool) {
        write(escaped && HTMLEscaping.needsEscape(text) ? HTMLEscaping().escapeText(text) : text)
    }

    /// A value as swift-mustache shows it: `String(describing:)` of what it was set as.
    private mutating func write(_ value: ViewValue, escaped: Bool) {
        switch value {
        case .text(let text): write(text, escaped: escaped)
        case .number(let number): write(String(number), escaped: escaped)
        case .flag(let flag): write(flag ? "true" : "false", escaped: escaped)
        case .null: write("nil", escaped: escaped)
        case .bytes(let bytes):
            if escaped { write(String(decoding: bytes, as: UTF8.self), escaped: true) } else { write(bytes) }
        case .view, .list, .views, .shared, .texts, .other: write(String(describing: value.any), escaped: escaped)
        }
    }
}
