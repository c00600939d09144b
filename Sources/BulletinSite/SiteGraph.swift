import BulletinContent
import BulletinModel
import BulletinSupport

/// A community with its published records, each kind newest first.
public struct CommunityNode: Sendable {
    public let profile: Community
    public let records: [RecordKind: [Record]]
    /// Every kind together, in the site's order (newest first): the community's feed reads it,
    /// where filtering every record of the site for each community grew with both.
    public let all: [Record]

    public func list(_ kind: RecordKind) -> [Record] { records[kind] ?? [] }
}

public struct TagNode: Sendable {
    public let name: String
    public let slug: String
    public let records: [Record]
}

/// A record's page address within the site: its community, kind and slug. A value rather
/// than a joined string, so finding a linked record makes no string. It hashes as one word
/// worked out from the bytes when it is made: the standard hasher on two strings cost
/// several times that, and the index looks keys up some fifty thousand times.
struct RecordKey: Hashable, Sendable {
    let community: String
    let kind: RecordKind
    let slug: String
    private let word: UInt64

    init(community: String, kind: RecordKind, slug: String) {
        self.community = community
        self.kind = kind
        self.slug = slug
        var builder = DigestBuilder()
        builder.add(community)
        builder.add(slug)
        builder.add(kind.order)
        word = builder.finish().low
    }

    static func == (a: RecordKey, b: RecordKey) -> Bool {
        a.word == b.word && a.kind == b.kind && a.slug == b.slug && a.community == b.community
    }

    func hash(into hasher: inout Hasher) { hasher.combine(word) }
}

/// The site as a graph: who belongs where, who links to whom, in a fixed order.
/// Built once, read by every renderer; every list here is already sorted.
public struct SiteGraph: Sendable {
    public let site: SiteConfig
    public let today: SimpleDate
    public let pages: [FreePage]
    public let communities: [CommunityNode]
    /// Every published record, newest first.
    public let records: [Record]
    /// The same of each kind, by `RecordKind.order`: the site-wide lists.
    private let recordsByKind: [[Record]]
    public let tags: [TagNode]
    private let meetingsByProblem: [RecordKey: [Record]]
    private let supersededBy: [RecordKey: Record]
    private let recordsByKey: [RecordKey: Record]
    private let communitiesByID: [String: Community]
    /// Every tag spelling a published record uses, with its slug: worked out once, read per list entry.
    private let tagSlugs: [String: String]

    init(site: SiteConfig, today: SimpleDate, pages: [FreePage], communities: [CommunityNode], records: [Record],
         recordsByKind: [[Record]], tags: [TagNode], meetingsByProblem: [RecordKey: [Record]], supersededBy: [RecordKey: Record],
         recordsByKey: [RecordKey: Record], communitiesByID: [String: Community], tagSlugs: [String: String]) {
        self.site = site
        self.today = today
        self.pages = pages
        self.communities = communities
        self.records = records
        self.recordsByKind = recordsByKind
        self.tags = tags
        self.meetingsByProblem = meetingsByProblem
        self.supersededBy = supersededBy
        self.recordsByKey = recordsByKey
        self.communitiesByID = communitiesByID
        self.tagSlugs = tagSlugs
    }

    public func tagSlug(_ tag: String) -> String { tagSlugs[tag] ?? Routes.tagSlug(tag) }

    /// Every published record of `kind`, newest first.
    public func records(_ kind: RecordKind) -> [Record] { recordsByKind[kind.order] }

    static func key(_ community: String, _ kind: RecordKind, _ slug: String) -> RecordKey {
        RecordKey(community: community, kind: kind, slug: slug)
    }

    public func community(_ id: String) -> Community? { communitiesByID[id] }

    public func record(_ community: String, _ kind: RecordKind, _ slug: String) -> Record? {
        recordsByKey[Self.key(community, kind, slug)]
    }

    /// Meetings that dealt with a problem, oldest first.
    public func meetings(about problem: Record) -> [Record] {
        meetingsByProblem[Self.key(problem.community, .problems, problem.slug)] ?? []
    }

    public func problems(of meeting: Record) -> [Record] {
        meeting.links.problems.compactMap { record(meeting.community, .problems, $0) }
    }

    public func supersedes(_ convention: Record) -> Record? {
        convention.links.supersedes.flatMap { record(convention.community, .conventions, $0) }
    }

    public func supersededBy(_ convention: Record) -> Record? {
        supersededBy[Self.key(convention.community, .conventions, convention.slug)]
    }

    /// Scheduled meetings on or after today, soonest first.
    public var upcomingMeetings: [Record] {
        // Newest first, so the meetings to come lead the list; meetings always have a date, and
        // the undated records at its end (draft conventions) are never scheduled meetings.
        var upcoming: [Record] = []
        for record in records {
            if let date = record.date, date < today { break }
            if record.links.meetingStatus == .scheduled { upcoming.append(record) }
        }
        return upcoming.reversed()
    }

    /// Communities grouped by street, streets and communities in name order.
    public var streets: [(street: String, communities: [CommunityNode])] {
        Dictionary(grouping: communities, by: \.profile.street)
            .map { ($0.key, $0.value) }
            .sorted { $0.0 < $1.0 }
    }
}

extension SiteGraph {
    /// Newest first; undated (draft conventions) last; ties by title then slug so order never depends on disk.
    static func newestFirst(_ a: Record, _ b: Record) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x > y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return (a.title, a.community, a.kind, a.slug) < (b.title, b.community, b.kind, b.slug)
        }
    }
}
