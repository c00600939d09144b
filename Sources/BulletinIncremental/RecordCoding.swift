import BulletinContent
import BulletinModel
import BulletinOutput
import BulletinRender
import BulletinSite
import BulletinSupport

/// How a parsed record is kept in the build cache. Every stored field is written except the
/// Markdown body, which is read again from the file when a page needs it. A field added to a
/// model must be added here too; `CacheCodingTests` round-trips every sample record to catch one left out.
extension Record {
    public func write(to w: inout BinaryWriter) {
        w.choice(self.kind)
        w.string(self.community)
        w.string(self.slug)
        w.string(self.sourcePath)
        w.string(self.title)
        w.optional(self.date) { $0.date($1) }
        w.array(self.tags) { $0.string($1) }
        w.bool(self.draft)
        w.int(self.bodyFirstLine)
        w.array(self.bundleAssets) { $0.string($1) }
        w.array(self.fieldPositions.entries) { w, entry in
            w.string(entry.name)
            w.int(entry.position.line)
            w.int(entry.position.column)
        }
        w.array(self.links.problems) { $0.string($1) }
        w.optional(self.links.supersedes) { $0.string($1) }
        w.optional(self.links.meetingStatus) { $0.choice($1) }
        w.optional(self.links.problemStatus) { $0.choice($1) }
        w.section { self.details.write(to: &$0) }
    }

    /// What lists show of the record (`Provenance.listing`): every field kept here, which is
    /// every field but the body, and the summary lists show in its place.
    public func listingDigest(summary: String?) -> Digest {
        var w = BinaryWriter()
        write(to: &w)
        var b = DigestBuilder("listing")
        w.bytes.withUnsafeBytes { b.add(bytes: $0) }
        b.add(summary)
        return b.finish()
    }

    /// The record as cached: `body` is empty until read from the file again. `provenance`
    /// gives the key it is cached under; `origin`, the file that key was made from, gives the
    /// fields that follow from the file's place, which are then passed over rather than made again.
    public init(from r: inout BinaryReader, provenance: Provenance?, origin: RecordSource? = nil) throws(BinaryReader.Damaged) {
        let kind = try r.choice(RecordKind.self)
        let community: String, slug: String, sourcePath: String
        if let origin, origin.kind == kind {
            for _ in 0..<3 { _ = try r.skip(try r.int()) }
            (community, slug, sourcePath) = (origin.community, origin.slug, origin.file.path)
        } else {
            (community, slug, sourcePath) = (try r.string(), try r.string(), try r.string())
        }
        let title = try r.string()
        let date = try r.optional { r throws(BinaryReader.Damaged) in try r.date() }
        let tags = try r.array { r throws(BinaryReader.Damaged) in try r.string() }
        let draft = try r.bool()
        let bodyFirstLine = try r.int()
        let assets = try r.array { r throws(BinaryReader.Damaged) in try r.string() }
        let positions = FieldPositions(ordered: try r.array { r throws(BinaryReader.Damaged) in
            FieldPositions.Entry(name: try r.string(), position: FieldPosition(line: try r.int(), column: try r.int()))
        })
        let links = DetailLinks(problems: try r.array { r throws(BinaryReader.Damaged) in try r.string() },
                                supersedes: try r.optional { r throws(BinaryReader.Damaged) in try r.string() },
                                meetingStatus: try r.optional { r throws(BinaryReader.Damaged) in try r.choice(MeetingStatus.self) },
                                problemStatus: try r.optional { r throws(BinaryReader.Damaged) in try r.choice(ProblemStatus.self) })
        let details = StoredDetails(r.sharing(try r.section())) { r throws(BinaryReader.Damaged) in try RecordDetails(from: &r) }
        self.init(Fields(kind: kind, community: community, slug: slug, sourcePath: sourcePath, title: title, date: date,
                         tags: tags, draft: draft, body: "", bodyFirstLine: bodyFirstLine, bundleAssets: assets,
                         details: .stored(details), links: links, fieldPositions: positions), provenance: provenance)
    }
}

/// Each kind's own fields, written as a section of their own so a reader can leave them undecoded.
extension RecordDetails {
    public func write(to w: inout BinaryWriter) {
        switch self {
        case .meeting(let m):
            w.int(0)
            m.write(to: &w)
        case .activity(let a):
            w.int(1)
            w.choice(a.category)
            w.optional(a.endDate) { $0.date($1) }
            w.optional(a.time) { $0.time($1) }
            w.optional(a.location) { $0.string($1) }
            w.optional(a.organizer) { $0.string($1) }
            w.array(a.partners) { $0.string($1) }
            w.optional(a.participants) { $0.int($1) }
            w.optional(a.volunteers) { $0.int($1) }
        case .convention(let c):
            w.int(2)
            w.choice(c.kind)
            w.optional(c.adopted) { $0.date($1) }
            w.optional(c.effective) { $0.date($1) }
            w.choice(c.status)
            w.optional(c.version) { $0.string($1) }
            w.optional(c.supersedes) { $0.string($1) }
            w.optional(c.adoptedBy) { $0.string($1) }
            w.optional(c.vote) { $0.vote($1) }
        case .problem(let p):
            w.int(3)
            w.date(p.raised)
            w.optional(p.raisedBy) { $0.string($1) }
            w.optional(p.category) { $0.choice($1) }
            w.choice(p.status)
            w.optional(p.resolved) { $0.date($1) }
            w.bool(p.urgent)
        }
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Damaged) {
        switch try r.int() {
        case 0: self = .meeting(try Meeting(from: &r))
        case 1:
            self = .activity(Activity(
                category: try r.choice(ActivityCategory.self), endDate: try r.optional { r throws(BinaryReader.Damaged) in try r.date() },
                time: try r.optional { r throws(BinaryReader.Damaged) in try r.time() },
                location: try r.optional { r throws(BinaryReader.Damaged) in try r.string() },
                organizer: try r.optional { r throws(BinaryReader.Damaged) in try r.string() },
                partners: try r.array { r throws(BinaryReader.Damaged) in try r.string() },
                participants: try r.optional { r throws(BinaryReader.Damaged) in try r.int() },
                volunteers: try r.optional { r throws(BinaryReader.Damaged) in try r.int() }))
        case 2:
            self = .convention(Convention(
                kind: try r.choice(ConventionKind.self), adopted: try r.optional { r throws(BinaryReader.Damaged) in try r.date() },
                effective: try r.optional { r throws(BinaryReader.Damaged) in try r.date() },
                status: try r.choice(ConventionStatus.self),
                version: try r.optional { r throws(BinaryReader.Damaged) in try r.string() },
                supersedes: try r.optional { r throws(BinaryReader.Damaged) in try r.string() },
                adoptedBy: try r.optional { r throws(BinaryReader.Damaged) in try r.string() },
                vote: try r.optional { r throws(BinaryReader.Damaged) in try r.vote() }))
        case 3:
            self = .problem(Problem(
                raised: try r.date(), raisedBy: try r.optional { r throws(BinaryReader.Damaged) in try r.string() },
                category: try r.optional { r throws(BinaryReader.Damaged) in try r.choice(ProblemCategory.self) },
                status: try r.choice(ProblemStatus.self),
                resolved: try r.optional { r throws(BinaryReader.Damaged) in try r.date() }, urgent: try r.bool()))
        default: throw BinaryReader.Damaged()
        }
    }
}

extension Meeting {
    public func write(to w: inout BinaryWriter) {
        w.choice(format)
        w.choice(status)
        w.optional(time) { $0.time($1) }
        w.optional(endTime) { $0.time($1) }
        w.optional(location) { $0.string($1) }
        w.optional(convener) { $0.string($1) }
        w.optional(recorder) { $0.string($1) }
        w.array(participants) { w, group in
            w.string(group.role)
            w.optional(group.count) { $0.int($1) }
        }
        w.optional(attendance) { $0.int($1) }
        w.array(agenda) { $0.string($1) }
        w.array(problems) { $0.string($1) }
        w.optional(round) { $0.int($1) }
        w.optional(outcome) { $0.choice($1) }
        w.array(decisions) { $0.string($1) }
        w.optional(vote) { $0.vote($1) }
        w.array(followUp) { w, item in
            w.string(item.action)
            w.optional(item.owner) { $0.string($1) }
            w.optional(item.due) { $0.date($1) }
            w.bool(item.done)
        }
        w.optional(summary) { $0.string($1) }
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Damaged) {
        typealias D = BinaryReader.Damaged
        self.init(
            format: try r.choice(MeetingFormat.self), status: try r.choice(MeetingStatus.self),
            time: try r.optional { r throws(D) in try r.time() }, endTime: try r.optional { r throws(D) in try r.time() },
            location: try r.optional { r throws(D) in try r.string() }, convener: try r.optional { r throws(D) in try r.string() },
            recorder: try r.optional { r throws(D) in try r.string() },
            participants: try r.array { r throws(D) in
                ParticipantGroup(role: try r.string(), count: try r.optional { r throws(D) in try r.int() })
            },
            attendance: try r.optional { r throws(D) in try r.int() },
            agenda: try r.array { r throws(D) in try r.string() }, problems: try r.array { r throws(D) in try r.string() },
            round: try r.optional { r throws(D) in try r.int() },
            outcome: try r.optional { r throws(D) in try r.choice(MeetingOutcome.self) },
            decisions: try r.array { r throws(D) in try r.string() }, vote: try r.optional { r throws(D) in try r.vote() },
            followUp: try r.array { r throws(D) in
                FollowUp(action: try r.string(), owner: try r.optional { r throws(D) in try r.string() },
                         due: try r.optional { r throws(D) in try r.date() }, done: try r.bool())
            },
            summary: try r.optional { r throws(D) in try r.string() })
    }
}

extension Diagnostic {
    public func write(to w: inout BinaryWriter) {
        w.choice(severity)
        w.string(path)
        w.int(line)
        w.int(column)
        w.optional(field) { $0.string($1) }
        problem.write(to: &w)
    }

    public init(from r: inout BinaryReader) throws(BinaryReader.Damaged) {
        self.init(try r.choice(Severity.self), path: try r.string(), line: try r.int(), column: try r.int(),
                  field: try r.optional { r throws(BinaryReader.Damaged) in try r.string() }, try Message(from: &r))
    }
}

extension BinaryWriter {
    public mutating func date(_ date: SimpleDate) {
        int(date.year)
        int(date.month)
        int(date.day)
    }

    public mutating func time(_ time: TimeOfDay) { string(time.description) }

    public mutating func vote(_ vote: Vote) {
        int(vote.inFavour)
        int(vote.against)
        int(vote.abstain)
    }
}

extension BinaryReader {
    public mutating func date() throws(Damaged) -> SimpleDate {
        SimpleDate(year: try int(), month: try int(), day: try int())
    }

    public mutating func time() throws(Damaged) -> TimeOfDay {
        guard let time = TimeOfDay(text: try string()) else { throw Damaged() }
        return time
    }

    public mutating func vote() throws(Damaged) -> Vote {
        Vote(inFavour: try int(), against: try int(), abstain: try int())
    }
}

/// A cached record with what its Markdown gave: warnings, problems and the list summary.
extension ParsedRecord {
    public func write(to w: inout BinaryWriter) {
        // A record is cached only with its provenance; without, its pages would be made again.
        w.digest(record.listing ?? Digest.unique())
        record.write(to: &w)
        w.array(warnings) { w, d in d.write(to: &w) }
        w.array(bodyProblems) { w, d in d.write(to: &w) }
        w.optional(summary) { $0.string($1.text) }
    }

    public init(from r: inout BinaryReader, key: Digest?, origin: RecordSource? = nil) throws(BinaryReader.Damaged) {
        let listing = try r.digest()
        self.init(record: try Record(from: &r, provenance: key.map { Record.Provenance(source: $0, listing: listing) }, origin: origin),
                  warnings: try r.array { r throws(BinaryReader.Damaged) in try Diagnostic(from: &r) },
                  bodyProblems: try r.array { r throws(BinaryReader.Damaged) in try Diagnostic(from: &r) },
                  summary: try r.optional { r throws(BinaryReader.Damaged) in .stored(try r.storedText()) })
    }
}
