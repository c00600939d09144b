import BulletinContent
import BulletinModel
import BulletinSite
import BulletinSupport
import Mustache

/// What a template sees: named values. Each value is typed once, when it is set, so the
/// compiled renderer reads it without a dynamic cast; swift-mustache, which renders themes the
/// compiled renderer cannot, still looks values up through `MustacheParent` and gets them back
/// as the same Swift values they were set as.
struct View: MustacheParent, ExpressibleByDictionaryLiteral, CustomReflectable, @unchecked Sendable {
    /// In the order set. Most views hold a dozen names or so, where comparing short names one
    /// by one is cheaper than hashing them, for making the view and for every lookup alike.
    /// `shared` marks a value that is the same on every page of the site (see `setShared`).
    private var entries: [Entry] = []
    /// Position of each name, kept only for views too large to search one by one (the strings).
    private var positions: [String: Int]?
    /// Set when a value, here or in a nested view, is of a type only swift-mustache can render.
    private(set) var needsMustache = false
    /// The `key(_:)` bits of every name set: a lookup of a name whose bit is clear is a miss
    /// without comparing names, which is most lookups of a name from an outer view.
    private(set) var keys: UInt64 = 0

    private static let searchedOneByOne = 16

    private struct Entry {
        let name: String
        /// `View.key(name)`.
        let key: UInt64
        var value: ViewValue
        var shared: Bool
    }

    init(dictionaryLiteral elements: (String, Any)...) {
        entries.reserveCapacity(elements.count + 4)
        for (key, value) in elements { store(key, ViewValue(value)) }
    }

    /// Names in sorted order, so a printed view is the same in every run.
    init(_ values: [String: Any]) {
        entries.reserveCapacity(values.count)
        for (key, value) in values.sorted(by: { $0.key < $1.key }) { store(key, ViewValue(value)) }
    }

    /// Values already typed, in this order: no `Any` to box and cast back, for views made often.
    init(typed values: KeyValuePairs<String, ViewValue>) {
        entries.reserveCapacity(values.count + 12)
        for (key, value) in values { store(key, value) }
    }

    init(_ values: [String: String]) {
        entries.reserveCapacity(values.count)
        for (key, value) in values.sorted(by: { $0.key < $1.key }) { store(key, .text(value)) }
    }

    /// One of 64 bits for a name, from its length and first and last bytes.
    static func key(_ name: String) -> UInt64 {
        let bytes = name.utf8
        guard let first = bytes.first, let last = bytes.last else { return 1 }
        return 1 << ((UInt64(first) &+ UInt64(last) &* 7 &+ UInt64(bytes.count) &* 13) & 63)
    }

    /// The value set for `name`; `key` is `View.key(name)`, worked out once by the caller.
    func value(named name: String, key: UInt64) -> ViewValue? {
        guard keys & key != 0, let index = position(of: name, key: key) else { return nil }
        return entries[index].value
    }

    func value(named name: String) -> ViewValue? { value(named: name, key: Self.key(name)) }

    /// The value set for `name`, and whether it was set with `setShared`.
    func entry(named name: String, key: UInt64) -> (value: ViewValue, shared: Bool)? {
        guard keys & key != 0, let index = position(of: name, key: key) else { return nil }
        return (entries[index].value, entries[index].shared)
    }

    /// Names are compared only where the key bit matches, which most names passed over do not.
    private func position(of name: String, key: UInt64) -> Int? {
        if let positions { return positions[name] }
        return entries.firstIndex { $0.key == key && $0.name == name }
    }

    subscript(key: String) -> Any? {
        get { value(named: key)?.any }
        set {
            if let newValue { store(key, ViewValue(newValue)) } else { remove(key) }
        }
    }

    func child(named name: String) -> Any? { value(named: name)?.any }

    /// Sets a value already typed; nil removes the name, as the subscript does.
    mutating func set(_ key: String, _ value: ViewValue?) {
        if let value { store(key, value) } else { remove(key) }
    }

    /// Sets a value that is the same on every page of the site, such as the theme's strings: a
    /// shared fragment may read it from an outer view and still be reused on another page.
    mutating func setShared(_ key: String, _ value: ViewValue) {
        store(key, value, shared: true)
    }

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

    mutating func setList(_ key: String, _ items: SharedViews) {
        setList(key, ViewValue.shared(items), isEmpty: items.identities.isEmpty)
    }

    private mutating func setList(_ key: String, _ list: ViewValue, isEmpty: Bool) {
        if !isEmpty { store(key, list) }
        store("has_\(key)", .flag(!isEmpty))
    }

    private mutating func store(_ key: String, _ value: ViewValue, shared: Bool = false) {
        if value.needsMustache { needsMustache = true }
        let bit = Self.key(key)
        if keys & bit != 0, let index = position(of: key, key: bit) {
            entries[index].value = value
            entries[index].shared = shared
            return
        }
        keys |= bit
        entries.append(Entry(name: key, key: bit, value: value, shared: shared))
        if positions != nil {
            positions![key] = entries.count - 1
        } else if entries.count > Self.searchedOneByOne {
            positions = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.name, $0) })
        }
    }

    private mutating func remove(_ key: String) {
        let bit = Self.key(key)
        guard keys & bit != 0, let index = position(of: key, key: bit) else { return }
        entries.remove(at: index)
        if positions != nil {
            positions = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.name, $0) })
        }
    }

    /// Printed as before values were typed, `View(values: ["name": value, …])`, but in the
    /// order the names were set rather than a dictionary's, which changes from run to run.
    var customMirror: Mirror {
        Mirror(self, children: ["values": PrintedValues(entries: entries.map { ($0.name, $0.value.any) })], displayStyle: .struct)
    }
}

/// Prints like a `[String: Any]` literal, in a fixed order.
private struct PrintedValues: CustomStringConvertible, CustomDebugStringConvertible {
    let entries: [(String, Any)]

    var description: String {
        guard !entries.isEmpty else { return "[:]" }
        return "[" + entries.map { String(reflecting: $0.0) + ": " + String(reflecting: $0.1) }.joined(separator: ", ") + "]"
    }

    var debugDescription: String { description }
}

/// A value of a `View`, in the few shapes the pages use. `any` gives back the Swift value it
/// was made from (an `[Any]` list stays `[Any]`), which is what swift-mustache is handed.
enum ViewValue {
    case text(String)
    /// Text already rendered, as UTF-8 bytes: a layout's output in the page frame.
    case bytes([UInt8])
    case number(Int)
    case flag(Bool)
    case view(View)
    /// An `[Any]`, its elements typed.
    case list([ViewValue])
    case views([View])
    /// Views the same on every page, made only when their text is not kept already.
    case shared(SharedViews)
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
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .number(let number): number
        case .flag(let flag): flag
        case .view(let view): view
        case .list(let items): items.map(\.any)
        case .views(let views): views
        case .shared(let shared): shared.identities.indices.map { shared.make($0) as Any }
        case .texts(let texts): texts
        case .null: Optional<Any>.none as Any
        case .other(let box): box.value
        }
    }

    var needsMustache: Bool {
        switch self {
        case .text, .bytes, .number, .flag, .texts, .null: false
        case .view(let view): view.needsMustache
        case .list(let items): items.contains(where: \.needsMustache)
        case .views(let views): views.contains(where: \.needsMustache)
        // Shared views are made of text, numbers and flags.
        case .shared: false
        case .other: true
        }
    }
}

/// A list of views that are the same on every page of a build, each known by an identity
/// (the record it shows), links apart: those start with `Routes.rootMarker`. The compiled
/// renderer renders a section over each once and reuses the text (see `SharedFragments`).
struct SharedViews {
    let identities: [ObjectIdentifier]
    /// Makes the view at an index of `identities`.
    let make: (Int) -> View
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
