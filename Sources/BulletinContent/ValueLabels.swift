/// Display names of enumerated values, both ways: for showing and for reading front matter.
public struct ValueLabels: Sendable {
    private var byGroup: [String: [String: String]]
    private var reverse: [String: [String: String]]

    public init(_ byGroup: [String: [String: String]]) {
        self.byGroup = byGroup
        reverse = byGroup.mapValues { labels in
            Dictionary(labels.map { ($0.value.lowercased(), $0.key) }, uniquingKeysWith: { first, _ in first })
        }
    }

    public static let none = ValueLabels([:])

    /// The labels by group, as they were given.
    public var groups: [String: [String: String]] { byGroup }

    public func label(_ raw: String, group: String) -> String { byGroup[group]?[raw] ?? raw }
    public func value(forLabel label: String, group: String) -> String? { reverse[group]?[label.lowercased()] }
    public func labels(in group: String) -> [String] { (byGroup[group] ?? [:]).values.sorted() }
}
