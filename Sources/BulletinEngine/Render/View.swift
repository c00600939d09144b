import Mustache

/// What a template sees: named values, looked up by swift-mustache through `MustacheParent`.
/// A struct of its own rather than `[String: Any]`, whose conformance is conditional and made
/// each of the millions of lookups in a large site cost a slow dynamic cast.
struct View: MustacheParent, ExpressibleByDictionaryLiteral, @unchecked Sendable {
    private var values: [String: Any]

    init(dictionaryLiteral elements: (String, Any)...) {
        values = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    init(_ values: [String: Any]) { self.values = values }

    subscript(key: String) -> Any? {
        get { values[key] }
        set { values[key] = newValue }
    }

    func child(named name: String) -> Any? { values[name] }

    /// Sets a list and its `has_` flag, so templates can show a heading only when there are items.
    mutating func setList(_ key: String, _ items: [Any]) {
        if !items.isEmpty { values[key] = items }
        values["has_\(key)"] = !items.isEmpty
    }
}
