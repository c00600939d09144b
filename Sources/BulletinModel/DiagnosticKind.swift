/// The languages the build speaks in: those of the people who write the content.
public enum DiagnosticLanguage: String, Sendable, CaseIterable {
    case english = "en"
    case chinese = "zh-CN"

    /// The language to speak to a site written in `tag` (site.yml's `language`): Chinese for
    /// any Chinese tag (`zh`, `zh-CN`, `zh-Hant-TW`), English for every other.
    public init(siteLanguage tag: String) {
        self = tag.lowercased().hasPrefix("zh") ? .chinese : .english
    }
}

/// One entry of the catalog of everything the build can say: a stable code, and the same
/// message in English and in Chinese, each a template whose `%{name}` placeholders the case at
/// hand fills in (`Message`). Tools match on the code, so a code once given is never renamed
/// or reused; its wording may be improved in either language.
///
/// The entries are declared in the `Messages+*.swift` files, by stage, and listed in `all`.
public struct DiagnosticKind: Sendable, Hashable, CustomStringConvertible {
    /// What an entry is used as.
    public enum Role: Sendable {
        /// A whole diagnostic: a `Diagnostic` carries one.
        case diagnostic
        /// A part of other entries: a hint, the name of a thing, a problem as libyaml names it.
        case phrase
        /// A line the build prints about how far it has got.
        case progress
    }

    /// Short kebab-case name (`field-unknown`), the same in every language.
    public let code: String
    public let english: String
    public let chinese: String
    public let role: Role
    /// The placeholders' names, each once, in the order the English template first uses them.
    public let placeholders: [String]

    init(_ code: String, _ role: Role = .diagnostic, en english: String, zh chinese: String) {
        (self.code, self.role, self.english, self.chinese) = (code, role, english, chinese)
        self.placeholders = Self.placeholders(in: english)
    }

    public func template(in language: DiagnosticLanguage) -> String {
        language == .chinese ? chinese : english
    }

    public var description: String { code }

    /// An entry is its code: two with one code would be one entry declared twice.
    public static func == (a: DiagnosticKind, b: DiagnosticKind) -> Bool { a.code == b.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// The names of the `%{name}` placeholders in `template`, each once, in order.
    public static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstRange(of: "%{") {
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = String(after[..<close])
            if !names.contains(name) { names.append(name) }
            rest = after[after.index(after: close)...]
        }
        return names
    }
}

extension DiagnosticKind {
    /// Every entry of the catalog.
    public static let all: [DiagnosticKind] = folderKinds + readingKinds + fieldKinds + recordKinds + themeKinds
        + buildKinds + phraseKinds + serveKinds

    private static let byCode: [String: DiagnosticKind] = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })

    /// The entry with this code, nil when there is none (a cache written by another version).
    public static func named(_ code: String) -> DiagnosticKind? { byCode[code] }
}
