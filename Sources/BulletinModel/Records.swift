import BulletinSupport

/// The four kinds of record a community folder holds; the raw value is the folder name.
public enum RecordKind: String, CaseIterable, Sendable, Comparable {
    case meetings, activities, conventions, problems

    /// Meetings and activities take their date from the file name.
    public var isDated: Bool { self == .meetings || self == .activities }

    /// Singular key used in templates and strings (`meeting`).
    public var singular: String {
        switch self {
        case .meetings: "meeting"
        case .activities: "activity"
        case .conventions: "convention"
        case .problems: "problem"
        }
    }

    /// The kind's place among all kinds, worked out without making the list of cases.
    public var order: Int {
        switch self {
        case .meetings: 0
        case .activities: 1
        case .conventions: 2
        case .problems: 3
        }
    }

    public static func < (a: RecordKind, b: RecordKind) -> Bool { a.order < b.order }

    /// By place rather than by the folder name it stands for: dictionaries keyed by kind are
    /// read for every record, and hashing the name cost a string's hash each time.
    public func hash(into hasher: inout Hasher) { hasher.combine(order) }
}

public struct FieldPosition: Sendable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) { (self.line, self.column) = (line, column) }
}

/// Where the few fields checked after parsing (`problems`, `supersedes`, `status`) stand in
/// a record's file, for messages. A short list in name order rather than a dictionary: every
/// record carries one, and making a dictionary of it for each cached record cost more than the lookups.
public struct FieldPositions: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var position: FieldPosition

        public init(name: String, position: FieldPosition) { (self.name, self.position) = (name, position) }
    }

    public private(set) var entries: [Entry] = []

    public init(dictionaryLiteral elements: (String, FieldPosition)...) {
        for (name, position) in elements { self[name] = position }
    }

    /// Entries already in name order, each name once, as the build cache keeps them.
    public init(ordered entries: [Entry]) { self.entries = entries }

    public subscript(name: String) -> FieldPosition? {
        get { entries.first { $0.name == name }?.position }
        set {
            entries.removeAll { $0.name == name }
            guard let newValue else { return }
            let at = entries.firstIndex { $0.name > name } ?? entries.count
            entries.insert(Entry(name: name, position: newValue), at: at)
        }
    }
}

/// Boxed (`indirect`), so copying a record, which sorting and grouping do often, copies one reference.
public indirect enum RecordDetails: Sendable, Hashable {
    case meeting(Meeting)
    case activity(Activity)
    case convention(Convention)
    case problem(Problem)
}

/// A validated record of any kind: what every kind shares, plus its own fields. The fields
/// live in one shared, immutable box: a record is copied into many lists and pages, and a
/// copy is one reference count instead of one per field. Fields read and write as properties.
/// What the index and the site-wide lists read of every record's details: kept beside them,
/// so that a record that is only sorted, grouped and linked is never decoded from the build
/// cache in full. Always worked out from the details, never set on its own.
public struct DetailLinks: Sendable, Hashable {
    /// A meeting's problems, by slug.
    public var problems: [String] = []
    /// The convention a convention replaces, by slug.
    public var supersedes: String?
    public var meetingStatus: MeetingStatus?
    /// A problem's status, which the lists of every community count open problems by.
    public var problemStatus: ProblemStatus?

    public init(problems: [String], supersedes: String?, meetingStatus: MeetingStatus?, problemStatus: ProblemStatus?) {
        (self.problems, self.supersedes, self.meetingStatus, self.problemStatus) = (problems, supersedes, meetingStatus, problemStatus)
    }

    public init(_ details: RecordDetails) {
        switch details {
        case .meeting(let m): (problems, meetingStatus) = (m.problems, m.status)
        case .convention(let c): supersedes = c.supersedes
        case .problem(let p): problemStatus = p.status
        case .activity: break
        }
    }
}

/// A record's details as given, or as the build cache holds them, decoded on first use.
public enum DetailsStorage: Sendable, Hashable {
    case given(RecordDetails)
    case stored(StoredDetails)

    public var value: RecordDetails {
        switch self {
        case .given(let details): details
        case .stored(let stored): stored.value
        }
    }

    public static func == (a: DetailsStorage, b: DetailsStorage) -> Bool { a.value == b.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

@dynamicMemberLookup
public struct Record: Sendable, Hashable {
    public struct Fields: Sendable, Hashable {
        public var kind: RecordKind
        public var community: String
        public var slug: String
        /// Content-relative path of the Markdown file (`…/index.md` for a bundle).
        public var sourcePath: String
        public var title: String
        /// The date a record is listed under: held, started, adopted or raised.
        public var date: SimpleDate?
        public var tags: [String]
        public var draft: Bool
        public var body: String
        /// File line of the body's first line, to locate problems found in the Markdown.
        public var bodyFirstLine: Int
        /// Content-relative paths of a bundle's other files, published beside its page.
        public var bundleAssets: [String]
        public var details: RecordDetails {
            get { storedDetails.value }
            set {
                storedDetails = .given(newValue)
                links = DetailLinks(newValue)
            }
        }
        /// Where the fields checked after parsing stand in the file, for messages.
        public var fieldPositions: FieldPositions
        public private(set) var links: DetailLinks
        public private(set) var storedDetails: DetailsStorage

        public init(kind: RecordKind, community: String, slug: String, sourcePath: String, title: String, date: SimpleDate?,
             tags: [String], draft: Bool, body: String, bodyFirstLine: Int, bundleAssets: [String],
             details: DetailsStorage, links: DetailLinks, fieldPositions: FieldPositions) {
            (self.kind, self.community, self.slug, self.sourcePath, self.title) = (kind, community, slug, sourcePath, title)
            (self.date, self.tags, self.draft, self.body, self.bodyFirstLine) = (date, tags, draft, body, bodyFirstLine)
            (self.bundleAssets, self.storedDetails, self.links, self.fieldPositions) = (bundleAssets, details, links, fieldPositions)
        }
    }

    /// What a build knows a record was made from, once the validate stage has made it.
    /// Not one of its fields: two records with equal fields are equal wherever they came from.
    public struct Provenance: Sendable {
        /// Everything the record was made from (`RecordCache.key`): two builds that give a
        /// record the same one made it alike, body and all.
        public let source: Digest
        /// What a list shows of the record: every field but the body, and its summary. An
        /// edit below a report's first paragraph leaves it alone, and with it every list.
        public let listing: Digest

        public init(source: Digest, listing: Digest) { (self.source, self.listing) = (source, listing) }
    }

    private final class Box: Sendable {
        public let fields: Fields
        public let provenance: Provenance?
        public init(_ fields: Fields, provenance: Provenance?) { (self.fields, self.provenance) = (fields, provenance) }
    }

    private var box: Box

    public init(kind: RecordKind, community: String, slug: String, sourcePath: String, title: String,
                date: SimpleDate?, tags: [String], draft: Bool, body: String, bodyFirstLine: Int = 1,
                bundleAssets: [String], details: RecordDetails, fieldPositions: FieldPositions = [:]) {
        box = Box(Fields(kind: kind, community: community, slug: slug, sourcePath: sourcePath, title: title, date: date,
                         tags: tags, draft: draft, body: body, bodyFirstLine: bodyFirstLine, bundleAssets: bundleAssets,
                         details: .given(details), links: DetailLinks(details), fieldPositions: fieldPositions), provenance: nil)
    }

    /// A record from the build cache, its details still undecoded.
    public init(_ fields: Fields, provenance: Provenance?) { box = Box(fields, provenance: provenance) }

    public var source: Digest? { box.provenance?.source }
    public var listing: Digest? { box.provenance?.listing }

    /// This record, made from what `provenance` says.
    public func madeFrom(_ provenance: Provenance?) -> Record { Record(box.fields, provenance: provenance) }

    /// Read-only fields (`links`).
    public subscript<T>(dynamicMember field: KeyPath<Fields, T>) -> T { box.fields[keyPath: field] }

    // The fields every stage reads of every record, read straight from the box: through a key
    // path, each read copied all the fields, a retain of every string and list among them.
    public var kind: RecordKind { get { box.fields.kind } set { self[dynamicMember: \.kind] = newValue } }
    public var community: String { get { box.fields.community } set { self[dynamicMember: \.community] = newValue } }
    public var slug: String { get { box.fields.slug } set { self[dynamicMember: \.slug] = newValue } }
    public var sourcePath: String { get { box.fields.sourcePath } set { self[dynamicMember: \.sourcePath] = newValue } }
    public var title: String { get { box.fields.title } set { self[dynamicMember: \.title] = newValue } }
    public var date: SimpleDate? { get { box.fields.date } set { self[dynamicMember: \.date] = newValue } }
    public var tags: [String] { get { box.fields.tags } set { self[dynamicMember: \.tags] = newValue } }
    public var draft: Bool { get { box.fields.draft } set { self[dynamicMember: \.draft] = newValue } }
    public var links: DetailLinks { box.fields.links }

    public subscript<T>(dynamicMember field: WritableKeyPath<Fields, T>) -> T {
        get { box.fields[keyPath: field] }
        set {
            var fields = box.fields
            fields[keyPath: field] = newValue
            box = Box(fields, provenance: box.provenance)
        }
    }

    /// The same for every copy of this record, so a value made from it can be kept by it.
    public var identity: ObjectIdentifier { ObjectIdentifier(box) }

    public static func == (a: Record, b: Record) -> Bool { a.box === b.box || a.box.fields == b.box.fields }
    public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }

    public var meeting: Meeting? { if case .meeting(let m) = self.details { m } else { nil } }
    public var convention: Convention? { if case .convention(let c) = self.details { c } else { nil } }
    public var problem: Problem? { if case .problem(let p) = self.details { p } else { nil } }
    public var activity: Activity? { if case .activity(let a) = self.details { a } else { nil } }
}

