import BulletinModel
import BulletinSupport
import Foundation

/// Turns a record's fields into its typed model, checking every field the contract lists.
public struct RecordParser {
    static let commonKeys = ["title", "tags", "draft"]
    static let keys: [RecordKind: [String]] = [
        .meetings: commonKeys + ["date", "format", "status", "time", "end_time", "location", "convener", "recorder",
                                 "participants", "attendance", "agenda", "problems", "round", "outcome",
                                 "decisions", "vote", "follow_up", "summary"],
        .activities: commonKeys + ["date", "category", "end_date", "time", "location", "organizer", "partners",
                                   "participants", "volunteers"],
        .conventions: commonKeys + ["kind", "adopted", "effective", "status", "version", "supersedes",
                                    "adopted_by", "vote"],
        .problems: commonKeys + ["raised", "raised_by", "category", "status", "resolved", "urgent"],
    ]

    let reader: DocumentReader

    func parse(_ source: RecordSource, sink: DiagnosticSink) -> Record? {
        parse(source, document: reader.readMarkdown(source.file, sink: sink), sink: sink)
    }

    /// The record in `text`, as if read from the source's file.
    public func parse(_ source: RecordSource, text: Data, sink: DiagnosticSink) -> Record? {
        parse(source, document: reader.readMarkdown(source.file, data: text, sink: sink), sink: sink)
    }

    private func parse(_ source: RecordSource, document: DocumentReader.Document?, sink: DiagnosticSink) -> Record? {
        guard let document else { return nil }
        let f = document.fields
        f.rejectUnknownKeys(Self.keys[source.kind]!)
        let title = f.string("title", required: true, example: "Roof repair, round 2")
        let tags = f.stringList("tags")
        let draft = f.bool("draft") ?? false
        let details: RecordDetails?
        var date = source.fileDate
        switch source.kind {
        case .meetings:
            checkDateAgrees(f, source)
            details = meeting(f).map(RecordDetails.meeting)
        case .activities:
            checkDateAgrees(f, source)
            details = activity(f).map(RecordDetails.activity)
        case .conventions:
            let convention = self.convention(f, draft: draft)
            date = convention?.adopted ?? convention?.effective
            details = convention.map(RecordDetails.convention)
        case .problems:
            let problem = self.problem(f)
            date = problem?.raised
            details = problem.map(RecordDetails.problem)
        }
        guard let title, let details, !sink.hasErrors else { return nil }
        var positions: FieldPositions = [:]
        for key in ["problems", "supersedes", "status"] { positions[key] = f.position(of: key) }
        return Record(kind: source.kind, community: source.community, slug: source.slug,
                      sourcePath: source.file.path, title: title, date: date, tags: tags, draft: draft,
                      body: document.body, bodyFirstLine: document.bodyFirstLine, bundleAssets: source.bundleAssets.map(\.path), details: details,
                      fieldPositions: positions)
    }

    private func checkDateAgrees(_ f: FieldReader, _ source: RecordSource) {
        guard let written = f.date("date"), let fileDate = source.fileDate, written != fileDate else { return }
        f.report(field: "date", "is \(written) but the file name says \(fileDate); make them agree (the file name decides the page address)")
    }

    private func meeting(_ f: FieldReader) -> Meeting? {
        let format = f.choice("format", MeetingFormat.self, required: true)
        let status = f.choice("status", MeetingStatus.self) ?? .held
        let outcome = f.choice("outcome", MeetingOutcome.self)
        if status == .held, outcome == nil, !f.has("outcome") {
            f.report(f.value("status")?.mark, field: "outcome",
                     "is required for a meeting that was held; add e.g. `outcome: agreed` (or set `status: scheduled`)")
        }
        let participants = f.mapList("participants", example: "{role: owners' committee, count: 5}") { p in
            p.rejectUnknownKeys(["role", "count"])
            return p.string("role", required: true, example: "owners' committee")
                .map { ParticipantGroup(role: $0, count: p.int("count")) }
        }
        let followUp = f.mapList("follow_up", example: "{action: Replace the door closer, owner: property company, due: 2024-06-01, done: false}") { item in
            item.rejectUnknownKeys(["action", "owner", "due", "done"])
            let action = item.string("action", required: true, example: "Replace the door closer")
            let entry = FollowUp(action: action ?? "", owner: item.string("owner"), due: item.date("due"),
                                 done: item.bool("done") ?? false)
            return action == nil ? nil : entry
        }
        let meeting = Meeting(
            format: format ?? .other, status: status, time: f.time("time"), endTime: f.time("end_time"),
            location: f.string("location"), convener: f.string("convener"), recorder: f.string("recorder"),
            participants: participants, attendance: f.int("attendance"), agenda: f.stringList("agenda"),
            problems: f.stringList("problems"), round: f.int("round"), outcome: outcome,
            decisions: f.stringList("decisions"), vote: vote(f), followUp: followUp, summary: f.string("summary"))
        if let start = meeting.time, let end = meeting.endTime, end < start {
            f.report(field: "end_time", "is \(end), before the start time \(start); check both times")
        }
        return format == nil ? nil : meeting
    }

    private func activity(_ f: FieldReader) -> Activity? {
        let category = f.choice("category", ActivityCategory.self, required: true)
        let activity = Activity(
            category: category ?? .other, endDate: f.date("end_date"), time: f.time("time"),
            location: f.string("location"), organizer: f.string("organizer"), partners: f.stringList("partners"),
            participants: f.int("participants"), volunteers: f.int("volunteers"))
        return category == nil ? nil : activity
    }

    private func convention(_ f: FieldReader, draft: Bool) -> Convention? {
        let adopted = f.date("adopted", required: !draft)
        return Convention(
            kind: f.choice("kind", ConventionKind.self) ?? .convention, adopted: adopted,
            effective: f.date("effective"), status: f.choice("status", ConventionStatus.self) ?? .inForce,
            version: f.string("version"), supersedes: f.string("supersedes"), adoptedBy: f.string("adopted_by"),
            vote: vote(f))
    }

    private func problem(_ f: FieldReader) -> Problem? {
        let raised = f.date("raised", required: true)
        let status = f.choice("status", ProblemStatus.self, required: true)
        let resolved = f.date("resolved")
        if status == .resolved, resolved == nil, !f.has("resolved") {
            f.report(f.value("status")?.mark, field: "resolved", "is required when status is resolved; add `resolved: YYYY-MM-DD`")
        }
        if let raised, let resolved, resolved < raised {
            f.report(field: "resolved", "is \(resolved), before the problem was raised on \(raised)")
        }
        guard let raised, let status else { return nil }
        return Problem(raised: raised, raisedBy: f.string("raised_by"), category: f.choice("category", ProblemCategory.self),
                       status: status, resolved: resolved, urgent: f.bool("urgent") ?? false)
    }

    private func vote(_ f: FieldReader) -> Vote? {
        guard let v = f.map("vote", example: "{for: 120, against: 3, abstain: 5}") else { return nil }
        v.rejectUnknownKeys(["for", "against", "abstain"])
        return Vote(inFavour: v.int("for") ?? 0, against: v.int("against") ?? 0, abstain: v.int("abstain") ?? 0)
    }

    public init(reader: DocumentReader) {
        self.reader = reader
    }
}
