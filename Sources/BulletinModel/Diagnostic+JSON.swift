import BulletinSupport
import Foundation

extension Diagnostic {
    /// The JSON object with the message in English.
    public var json: String { json(in: .english) }

    /// One JSON object per line, for CI tools that annotate files: `message` in `language`,
    /// `message_en` always in English and `code` the kind's, so a tool's matching does not
    /// change with the site's language.
    public func json(in language: DiagnosticLanguage = .english) -> String {
        var object: [String: Any] = ["severity": severity.rawValue, "path": path, "line": line, "column": column,
                                     "code": code, "message": message(in: language), "message_en": message]
        object["field"] = field
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
