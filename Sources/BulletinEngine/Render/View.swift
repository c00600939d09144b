import Mustache

/// What a template sees: named values. Each value is typed once, when it is set, so the
/// compiled renderer reads it without a dynamic cast; swift-mustache, which renders themes the
/// compiled renderer cannot, still looks values up through `MustacheParent` and gets them back
/// as the same Swift values they were set as.
struct View: MustacheParent, ExpressibleByDictionaryLiteral, CustomReflectable, @unchecked Sendable {
    private(set) var values: [String: ViewValue]
    /// Set when a value, here or in a nested view, is of a type only swift-mustache can render.
    private(set) var needsMustache = false
    /// The `key(_:)` bits of every name set: a lookup of a name whose bit is clear is a miss
    /// without hashing, which is most lookups of a name from an outer view.
    private(set) var keys: UInt64 = 0

    init(dictionaryLiteral elements: (String, Any)...) {
        values = Dictionary(minimumCapacity: elements.count)
        for (key, value) in elements { store(key, ViewValue(value)) }
    }

    init(_ values: [String: Any]) {
        self.values = Dictionary(minimumCapacity: values.count)
        for (key, value) in values { store(key, ViewValue(value)) }
    }

    init(_ values: [String: String]) {
        self.values = values.mapValues { .text($0) }
        for key in values.keys { keys |= Self.key(key) }
    }

    /// One of 64 bits for a name, from its length and first and last bytes.
    static func key(_ name: String) -> UInt64 {
        let bytes = name.utf8
        guard let first = bytes.first, let last = bytes.last else { return 1 }
        return 1 << ((UInt64(first) &+ UInt64(last) &* 7 &+ UInt64(bytes.count) &* 13) & 63)
    }

    subscript(key: String) -> Any? {
        get { values[key]?.any }
        set {
            if let newValue { store(key, ViewValue(newValue)) } else { values[key] = nil }
        }
    }

    func child(named name: String) -> Any? { values[name]?.any }

    /// Sets a list and its `has_` flag, so templates can show a heading only when there are items.
    mutating func setList(_ key: String, _ items: [Any]) {
        setList(key, ViewValue.list(items.map(ViewValue.init)), isEmpty: items.isEmpty)
    }

    mutating func setList(_ key: String, _ items: [View]) {
        setList(key, ViewValue.list(items.map(ViewValue.view)), isEmpty: items.isEmpty)
    }

    mutating func setList(_ key: String, _ items: [String]) {
        setList(key, ViewValue.list(items.map(ViewValue.text)), isEmpty: items.isEmpty)
    }

    private mutating func setList(_ key: String, _ list: ViewValue, isEmpty: Bool) {
        if !isEmpty { store(key, list) }
        store("has_\(key)", .flag(!isEmpty))
    }

    private mutating func store(_ key: String, _ value: ViewValue) {
        if value.needsMustache { needsMustache = true }
        keys |= Self.key(key)
        values[key] = value
    }

    /// Printed as before values were typed: `View(values: [...])`.
    var customMirror: Mirror {
        Mirror(self, children: ["values": values.mapValues(\.any)], displayStyle: .struct)
    }
}

/// A value of a `View`, in the few shapes the pages use. `any` gives back the Swift value it
/// was made from (an `[Any]` list stays `[Any]`), which is what swift-mustache is handed.
enum ViewValue {
    case text(String)
    case number(Int)
    case flag(Bool)
    case view(View)
    /// An `[Any]`, its elements typed.
    case list([ViewValue])
    case views([View])
    case texts([String])
    /// An `Optional.none` stored as a value: swift-mustache shows it as `nil` and treats it as set.
    case null
    /// Anything else; a view holding one is rendered by swift-mustache.
    case other(AnyValue)

    init(_ value: Any) {
        if let text = value as? String { self = .text(text) }
        else if let view = value as? View { self = .view(view) }
        else if let number = value as? Int { self = .number(number) }
        else if let flag = value as? Bool { self = .flag(flag) }
        else if type(of: value) == [View].self { self = .views(value as! [View]) }
        else if type(of: value) == [Any].self { self = .list((value as! [Any]).map(ViewValue.init)) }
        else if type(of: value) == [String].self { self = .texts(value as! [String]) }
        else if let optional = value as? OptionalValue { self = optional.wrapped.map(ViewValue.init) ?? .null }
        else { self = .other(AnyValue(value)) }
    }

    var any: Any {
        switch self {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        case .view(let view): view
        case .list(let items): items.map(\.any)
        case .views(let views): views
        case .texts(let texts): texts
        case .null: Optional<Any>.none as Any
        case .other(let box): box.value
        }
    }

    var needsMustache: Bool {
        switch self {
        case .text, .number, .flag, .texts, .null: false
        case .view(let view): view.needsMustache
        case .list(let items): items.contains(where: \.needsMustache)
        case .views(let views): views.contains(where: \.needsMustache)
        case .other: true
        }
    }
}

/// A value of a type the compiled renderer does not know, kept as it was set.
final class AnyValue {
    let value: Any
    init(_ value: Any) { self.value = value }
}

/// Lets `ViewValue` see through an `Optional` held in an `Any`.
private protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrapped: Any? { self.map { $0 as Any } }
}
