import BulletinContent
import BulletinModel
import BulletinSite
import BulletinSupport
import Foundation

/// The words a theme shows in one language: labels, value names, month names, date format.
public struct ThemeStrings: Sendable {
    public let ui: [String: String]
    /// `ui` as templates see it (`t.<key>`), built once.
    let uiView: View
    public let fields: [String: String]
    public let values: ValueLabels
    public let months: [String]
    public let dateFormat: String
    private let datePattern: DatePattern
    /// Kind (singular key) → (one, many).
    public let kinds: [String: (one: String, many: String)]

    /// `18 May 2024` / `2024年5月18日`.
    public func format(_ date: SimpleDate) -> String {
        datePattern.parts.reduce(into: "") { text, part in
            switch part {
            case .literal(let literal): text += literal
            case .day: text += String(date.day)
            case .month: text += String(date.month)
            case .monthName: text += months[date.month - 1]
            case .year: text += String(date.year)
            }
        }
    }

    init(ui: [String: String], fields: [String: String], values: ValueLabels, months: [String], dateFormat: String,
         kinds: [String: (one: String, many: String)]) {
        self.ui = ui
        self.uiView = View(ui)
        self.fields = fields
        self.values = values
        self.months = months
        self.dateFormat = dateFormat
        self.datePattern = DatePattern(dateFormat)
        self.kinds = kinds
    }

    public func field(_ key: String) -> String { fields[key] ?? key }
    public func text(_ key: String) -> String { ui[key] ?? key }
    public func label<E: ContentEnum>(_ value: E) -> String { values.label(value.rawValue, group: E.group) }
}

/// A date format split once into its placeholders, since every page formats dates.
struct DatePattern: Sendable {
    enum Part: Sendable { case literal(String), day, month, monthName, year }
    let parts: [Part]

    init(_ format: String) {
        var parts: [Part] = []
        var rest = Substring(format)
        let placeholders: [(String, Part)] = [("{day}", .day), ("{month_name}", .monthName), ("{month}", .month), ("{year}", .year)]
        while !rest.isEmpty {
            if let (token, part) = placeholders.first(where: { rest.hasPrefix($0.0) }) {
                parts.append(part)
                rest = rest.dropFirst(token.count)
            } else {
                let literalEnd = rest.dropFirst().firstIndex(of: "{") ?? rest.endIndex
                parts.append(.literal(String(rest[..<literalEnd])))
                rest = rest[literalEnd...]
            }
        }
        self.parts = parts
    }
}

extension ThemeStrings {
    static let requiredUIKeys = ["home", "communities", "meetings", "activities", "conventions", "problems",
                                 "tags", "page_n", "done", "not_done", "yes", "no", "not_found"]
    /// The labels of every labelled field in the field tables, each once, then `community`, the
    /// label of the community a record belongs to, which is no field of its own.
    static let requiredFieldKeys: [String] = {
        var keys: [String] = []
        for key in RecordKind.allCases.flatMap(\.fields.labelKeys) + CommunityFields.table.labelKeys where !keys.contains(key) {
            keys.append(key)
        }
        return keys + ["community"]
    }()

    /// Loads `strings/<language>.yml`, reporting every missing word so a theme is complete.
    /// `data` is the file's bytes, nil when it cannot be read; `available` the languages the
    /// theme has strings for.
    static func load(language: String, available: [String], data: Data?) -> (ThemeStrings?, [Diagnostic]) {
        let path = LanguageTag.isWellFormed(language) ? "strings/\(language).yml" : "strings"
        var problems: [Diagnostic] = []
        func fail(_ problem: Message, line: Int = 1) -> (ThemeStrings?, [Diagnostic]) {
            (nil, problems + [Diagnostic(path: path, line: line, problem)])
        }
        guard let data else {
            return fail(Message(.stringsLanguageMissing, ["language": language, "available": available]))
        }
        let root: Any?
        do {
            // Every value is a word to show, so nothing is resolved to numbers or booleans.
            root = try YAMLTree.plainValue(of: String(decoding: data, as: UTF8.self))
        } catch {
            return fail(Message(.stringsUnreadable, ["problem": error.reason]), line: error.line)
        }
        guard let top = root as? [String: Any] else { return fail(Message(.stringsNotSections)) }
        reportControlCharacters(in: top, field: nil, path: path, into: &problems)
        func section(_ name: String) -> [String: String] {
            guard let raw = top[name] as? [String: Any] else {
                problems.append(Diagnostic(path: path, .stringsSectionMissing, ["name": name]))
                return [:]
            }
            return raw.compactMapValues { "\($0)" }
        }
        let ui = section("ui"), fields = section("fields")
        for key in requiredUIKeys where ui[key] == nil {
            problems.append(Diagnostic(path: path, field: "ui.\(key)", .stringsWordMissing))
        }
        for key in requiredFieldKeys where fields[key] == nil {
            problems.append(Diagnostic(path: path, field: "fields.\(key)", .stringsFieldLabelMissing))
        }
        var groups: [String: [String: String]] = [:]
        let rawValues = top["values"] as? [String: Any] ?? [:]
        for type in allContentEnums {
            let labels = (rawValues[type.group] as? [String: Any] ?? [:]).compactMapValues { "\($0)" }
            for name in type.allCaseNames where labels[name] == nil {
                problems.append(Diagnostic(path: path, field: "values.\(type.group).\(name)", .stringsValueLabelMissing))
            }
            groups[type.group] = labels
        }
        let dates = top["dates"] as? [String: Any] ?? [:]
        let months = (dates["months"] as? [Any] ?? []).map { "\($0)" }
        if months.count != 12 { problems.append(Diagnostic(path: path, field: "dates.months", .stringsMonths)) }
        let format = dates["format"] as? String ?? ""
        if !format.contains("{day}") || !format.contains("{year}") {
            problems.append(Diagnostic(path: path, field: "dates.format", .stringsDateFormat))
        }
        var kinds: [String: (one: String, many: String)] = [:]
        let rawKinds = top["kinds"] as? [String: Any] ?? [:]
        for kind in RecordKind.allCases {
            guard let entry = rawKinds[kind.singular] as? [String: Any], let one = entry["one"], let many = entry["many"] else {
                problems.append(Diagnostic(path: path, field: "kinds.\(kind.singular)", .stringsKindNames))
                continue
            }
            kinds[kind.singular] = ("\(one)", "\(many)")
        }
        guard problems.isEmpty else { return (nil, problems) }
        return (ThemeStrings(ui: ui, fields: fields, values: ValueLabels(groups), months: months,
                             dateFormat: format, kinds: kinds), [])
    }

    private static func reportControlCharacters(in value: Any, field: String?, path: String, into problems: inout [Diagnostic]) {
        if let map = value as? [String: Any] {
            for (key, item) in map.sorted(by: { $0.key < $1.key }) {
                reportControlCharacters(in: item, field: field.map { "\($0).\(key)" } ?? key, path: path, into: &problems)
            }
        } else if let list = value as? [Any] {
            for (index, item) in list.enumerated() {
                reportControlCharacters(in: item, field: "\(field ?? "")[\(index + 1)]", path: path, into: &problems)
            }
        } else if let control = ControlCharacters.first(in: "\(value)") {
            problems.append(Diagnostic(path: path, field: field, ControlCharacters.problem(control)))
        }
    }
}

extension ContentEnum {
    public static var allCaseNames: [String] { allCases.map(\.rawValue) }
}
