/// One front-matter field, as its table declares it: the parser reads it by this, `bulletin new`
/// writes it, record pages list it among their facts, the strings check asks for its label, and
/// the README's field table is compared with it. The tables themselves are in `RecordFields.swift`
/// and `ProfileFields.swift`.
public struct FieldSpec: Sendable {
    /// The name written in front matter (`raised_by`).
    public let key: String
    public let type: FieldType
    public let rule: FieldRule
    /// Its place in a record page's `facts` list, from 1; nil when the list leaves it out.
    public let fact: Int?
    /// Whether a theme's strings file must label it under `fields:`; every fact must.
    public let labelled: Bool
    /// A value as the example of its set of fields shows it (`{role: owners' committee, count: 5}`),
    /// and as messages about a required text show it.
    public let example: String?
    /// What the README says of it beyond its rule, its values and its shape.
    public let note: String?
    /// What `bulletin new` writes for it, when it writes it at all (`FieldTable.scaffold`).
    public let scaffold: Placeholder?

    public init(_ key: String, _ type: FieldType, _ rule: FieldRule = .optional, fact: Int? = nil, labelled: Bool? = nil,
                example: String? = nil, note: String? = nil, scaffold: Placeholder? = nil) {
        (self.key, self.type, self.rule, self.fact, self.labelled) = (key, type, rule, fact, labelled ?? (fact != nil))
        (self.example, self.note, self.scaffold) = (example, note, scaffold)
    }

    /// The same field with another example, for a field two kinds of file share but explain apart.
    public func with(example: String) -> FieldSpec {
        FieldSpec(key, type, rule, fact: fact, labelled: labelled, example: example, note: note, scaffold: scaffold)
    }
}

/// What a field holds, as front matter writes it.
public enum FieldType: Sendable {
    case text
    /// A whole number, 0 or more.
    case number
    /// `true` or `false`; absent is false.
    case flag
    /// `YYYY-MM-DD`.
    case date
    /// `"HH:MM"`.
    case time
    /// A list of text.
    case textList
    /// One value of an enumeration; `fallback` is taken when the field is absent or wrong.
    case choice(any ContentEnum.Type, fallback: (any ContentEnum)?)
    /// A list of entries, each a set of these fields (`participants: [{role, count}]`).
    case entries(FieldTable)
    /// One set of these fields (`vote: {for, against, abstain}`).
    case group(FieldTable)
    /// One line of text, or a set of these fields (`contact`).
    case textOrGroup(FieldTable)

    public static func choice<E: ContentEnum>(_ type: E.Type) -> FieldType { .choice(type, fallback: nil) }
    public static func choice<E: ContentEnum>(defaulting value: E) -> FieldType { .choice(E.self, fallback: value) }

    /// The fields inside each value, for the types that hold sets of fields.
    public var nested: FieldTable? {
        switch self {
        case .entries(let table), .group(let table), .textOrGroup(let table): table
        default: nil
        }
    }
}

/// When a field must be given.
public enum FieldRule: Sendable, Equatable {
    case optional
    case required
    /// Required of a published record; a draft may not know it yet.
    case requiredUnlessDraft
    /// Required in a case the parser checks itself, which the text names (`"held"`: when held).
    case requiredWhen(String)

    /// Whether a file that leaves the field out is wrong whatever else it says.
    public func isRequired(draft: Bool) -> Bool {
        switch self {
        case .required: true
        case .requiredUnlessDraft: !draft
        case .optional, .requiredWhen: false
        }
    }
}

/// What `bulletin new` writes after a field's key.
public enum Placeholder: Sendable {
    /// The title `bulletin new` was given, quoted.
    case givenTitle
    /// Written as is (`""`, `0`, `"19:00"`, `[]`).
    case value(String)
    /// A list of this one item.
    case item(String)
    /// This value, then a comment naming every value of its enumeration, then `then`.
    case choice(any ContentEnum, then: String = "")
    /// The day `bulletin new` runs, then the comment when there is one.
    case today(comment: String? = nil)
    /// A list of one entry, each of its fields written with its own placeholder.
    case entry
}

/// The fields one kind of file may have, in the order messages list them.
public struct FieldTable: Sendable {
    public let fields: [FieldSpec]
    /// Their keys, made once: the parser checks every file's keys against them.
    public let keys: [String]
    /// What `bulletin new` writes, in this order.
    public let scaffold: [FieldSpec]
    /// A set of these fields as messages show it: `{for: 120, against: 3, abstain: 5}`.
    public let example: String

    public init(_ fields: [FieldSpec], scaffold: [FieldSpec] = []) {
        self.fields = fields
        self.keys = fields.map(\.key)
        self.scaffold = scaffold
        self.example = "{" + fields.map { "\($0.key): \($0.example ?? "")" }.joined(separator: ", ") + "}"
    }

    /// The fields a record page lists among its facts, in the order it lists them.
    public var facts: [FieldSpec] {
        fields.compactMap { field in field.fact.map { (place: $0, field: field) } }.sorted { $0.place < $1.place }.map(\.field)
    }

    /// The keys a theme's strings must label, those of nested fields after the field holding them.
    public var labelKeys: [String] {
        fields.flatMap { field in (field.labelled ? [field.key] : []) + (field.type.nested?.labelKeys ?? []) }
    }
}
