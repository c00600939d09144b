import BulletinModel
import BulletinSupport
import Foundation

/// Turns a record's fields into its typed model, checking every field its kind's table lists.
public struct RecordParser {
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
        f.rejectUnknownKeys(source.kind.fields.keys)
        let title = f.string(RecordFields.title)
        let tags = f.stringList(RecordFields.tags)
        let draft = f.bool(RecordFields.draft) ?? false
        let details: RecordDetails?
        var date = source.fileDate
        switch source.kind {
        case .meetings:
            checkDateAgrees(f, MeetingFields.date, source)
            details = meeting(f).map(RecordDetails.meeting)
        case .activities:
            checkDateAgrees(f, ActivityFields.date, source)
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
        for key in Self.checkedAfterParsing { positions[key] = f.position(of: key) }
        return Record(kind: source.kind, community: source.community, slug: source.slug,
                      sourcePath: source.file.path, title: title, date: date, tags: tags, draft: draft,
                      body: document.body, bodyFirstLine: document.bodyFirstLine, bundleAssets: source.bundleAssets.map(\.path), details: details,
                      fieldPositions: positions)
    }

    /// The fields the site index checks once every record is read, whose place messages give.
    private static let checkedAfterParsing = [MeetingFields.problems.key, ConventionFields.supersedes.key, MeetingFields.status.key]

    private func checkDateAgrees(_ f: FieldReader, _ date: FieldSpec, _ source: RecordSource) {
        guard let written = f.date(date), let fileDate = source.fileDate, written != fileDate else { return }
        f.report(field: date, .dateDisagreesWithFileName, ["date": "\(written)", "fileDate": "\(fileDate)"])
    }

    private func meeting(_ f: FieldReader) -> Meeting? {
        typealias M = MeetingFields
        let format = f.choice(M.format, MeetingFormat.self)
        let status = f.choice(M.status, MeetingStatus.self) ?? .held
        let outcome = f.choice(M.outcome, MeetingOutcome.self)
        if status == .held, outcome == nil, !f.has(M.outcome) {
            f.report(f.value(M.status)?.mark, field: M.outcome, .outcomeRequired)
        }
        let participants = f.entries(M.participants) { p in
            p.string(ParticipantFields.role).map { ParticipantGroup(role: $0, count: p.int(ParticipantFields.count)) }
        }
        let followUp = f.entries(M.followUp) { item in
            let action = item.string(FollowUpFields.action)
            let entry = FollowUp(action: action ?? "", owner: item.string(FollowUpFields.owner), due: item.date(FollowUpFields.due),
                                 done: item.bool(FollowUpFields.done) ?? false)
            return action == nil ? nil : entry
        }
        let meeting = Meeting(
            format: format ?? .other, status: status, time: f.time(M.time), endTime: f.time(M.endTime),
            location: f.string(M.location), convener: f.string(M.convener), recorder: f.string(M.recorder),
            participants: participants, attendance: f.int(M.attendance), agenda: f.stringList(M.agenda),
            problems: f.stringList(M.problems), round: f.int(M.round), outcome: outcome,
            decisions: f.stringList(M.decisions), vote: vote(f, M.vote), followUp: followUp, summary: f.string(M.summary))
        if let start = meeting.time, let end = meeting.endTime, end < start {
            f.report(field: M.endTime, .endTimeBeforeStart, ["end": "\(end)", "start": "\(start)"])
        }
        return format == nil ? nil : meeting
    }

    private func activity(_ f: FieldReader) -> Activity? {
        typealias A = ActivityFields
        let category = f.choice(A.category, ActivityCategory.self)
        let activity = Activity(
            category: category ?? .other, endDate: f.date(A.endDate), time: f.time(A.time),
            location: f.string(A.location), organizer: f.string(A.organizer), partners: f.stringList(A.partners),
            participants: f.int(A.participants), volunteers: f.int(A.volunteers))
        return category == nil ? nil : activity
    }

    private func convention(_ f: FieldReader, draft: Bool) -> Convention? {
        typealias C = ConventionFields
        let adopted = f.date(C.adopted, draft: draft)
        return Convention(
            kind: f.choice(C.kind, ConventionKind.self) ?? .convention, adopted: adopted,
            effective: f.date(C.effective), status: f.choice(C.status, ConventionStatus.self) ?? .inForce,
            version: f.string(C.version), supersedes: f.string(C.supersedes), adoptedBy: f.string(C.adoptedBy),
            vote: vote(f, C.vote))
    }

    private func problem(_ f: FieldReader) -> Problem? {
        typealias P = ProblemFields
        let raised = f.date(P.raised)
        let status = f.choice(P.status, ProblemStatus.self)
        let resolved = f.date(P.resolved)
        if status == .resolved, resolved == nil, !f.has(P.resolved) {
            f.report(f.value(P.status)?.mark, field: P.resolved, .resolvedRequired)
        }
        if let raised, let resolved, resolved < raised {
            f.report(field: P.resolved, .resolvedBeforeRaised, ["resolved": "\(resolved)", "raised": "\(raised)"])
        }
        guard let raised, let status else { return nil }
        return Problem(raised: raised, raisedBy: f.string(P.raisedBy), category: f.choice(P.category, ProblemCategory.self),
                       status: status, resolved: resolved, urgent: f.bool(P.urgent) ?? false)
    }

    private func vote(_ f: FieldReader, _ field: FieldSpec) -> Vote? {
        guard let v = f.group(field) else { return nil }
        return Vote(inFavour: v.int(VoteFields.inFavour) ?? 0, against: v.int(VoteFields.against) ?? 0,
                    abstain: v.int(VoteFields.abstain) ?? 0)
    }

    public init(reader: DocumentReader) {
        self.reader = reader
    }
}
