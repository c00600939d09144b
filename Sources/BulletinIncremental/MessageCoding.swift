import BulletinModel
import BulletinSupport

/// A message as its kind's code and its arguments, so a warning the cache kept can be given in
/// either language; a code this version does not know makes the cache damaged, and it is rebuilt.
extension Message {
    func write(to w: inout BinaryWriter) {
        w.string(kind.code)
        w.array(arguments.sorted { $0.key < $1.key }) { w, pair in
            w.string(pair.key)
            pair.value.write(to: &w)
        }
    }

    init(from r: inout BinaryReader) throws(BinaryReader.Damaged) {
        guard let kind = DiagnosticKind.named(try r.string()) else { throw BinaryReader.Damaged() }
        var values: [String: Argument] = [:]
        for _ in 0..<(try r.count()) { values[try r.string()] = try Argument(from: &r) }
        guard Set(values.keys) == Set(kind.placeholders) else { throw BinaryReader.Damaged() }
        self.init(kind, values: values)
    }
}

extension Message.Argument {
    func write(to w: inout BinaryWriter) {
        switch self {
        case .text(let text):
            w.int(0)
            w.string(text)
        case .phrase(let message):
            w.int(1)
            message.write(to: &w)
        case .list(let items):
            w.int(2)
            w.array(items) { w, item in item.write(to: &w) }
        }
    }

    init(from r: inout BinaryReader) throws(BinaryReader.Damaged) {
        switch try r.int() {
        case 0: self = .text(try r.string())
        case 1: self = .phrase(try Message(from: &r))
        case 2: self = .list(try r.array { r throws(BinaryReader.Damaged) in try Message.Argument(from: &r) })
        default: throw BinaryReader.Damaged()
        }
    }
}
