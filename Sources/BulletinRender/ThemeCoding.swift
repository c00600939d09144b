import BulletinContent
import BulletinModel
import BulletinSite
import BulletinSupport

/// How the build cache keeps a loaded theme's strings, so a build whose strings file is
/// unchanged does not read its YAML again.
extension ThemeStrings {
    public func write(to w: inout BinaryWriter) {
        w.map(ui)
        w.map(fields)
        w.array(values.groups.sorted { $0.key < $1.key }) { w, group in
            w.string(group.key)
            w.map(group.value)
        }
        w.array(months) { $0.string($1) }
        w.string(dateFormat)
        w.array(kinds.sorted { $0.key < $1.key }) { w, kind in
            w.string(kind.key)
            w.string(kind.value.one)
            w.string(kind.value.many)
        }
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Damaged) {
        let ui = try r.map(), fields = try r.map()
        let groups = try r.array { r throws(BinaryReader.Damaged) in (try r.string(), try r.map()) }
        let months = try r.array { r throws(BinaryReader.Damaged) in try r.string() }
        let dateFormat = try r.string()
        let kinds = try r.array { r throws(BinaryReader.Damaged) in (try r.string(), (one: try r.string(), many: try r.string())) }
        self.init(ui: ui, fields: fields, values: ValueLabels(Dictionary(groups, uniquingKeysWith: { a, _ in a })), months: months,
                  dateFormat: dateFormat, kinds: Dictionary(kinds, uniquingKeysWith: { a, _ in a }))
    }
}

extension BinaryWriter {
    /// A dictionary of strings in key order, so the same theme always writes the same bytes.
    mutating func map(_ map: [String: String]) {
        array(map.sorted { $0.key < $1.key }) { w, entry in
            w.string(entry.key)
            w.string(entry.value)
        }
    }
}

extension BinaryReader {
    mutating func map() throws(Damaged) -> [String: String] {
        Dictionary(try array { r throws(Damaged) in (try r.string(), try r.string()) }, uniquingKeysWith: { a, _ in a })
    }
}
