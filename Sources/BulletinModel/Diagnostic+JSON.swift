import BulletinSupport
import Foundation

extension Diagnostic {
    /// One JSON object per line, for CI tools that annotate files.
    public var json: String {
        var object: [String: Any] = ["severity": severity.rawValue, "path": path, "line": line, "column": column,
                                     "message": message]
        object["field"] = field
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
