/// The front matter of records: one table per kind, each field's key written here and nowhere
/// else. Each table lists the fields in the order messages name them (`known fields are: …`);
/// `fact:` is a field's place in its record page's facts, `scaffold:` what `bulletin new` writes.

/// What every record has, whatever its kind, before the fields of its kind.
public enum RecordFields {
    public static let title = FieldSpec("title", .text, .required, example: "Roof repair, round 2", scaffold: .givenTitle)
    public static let tags = FieldSpec("tags", .textList, note: "a list of words in any script", scaffold: .value("[]"))
    public static let draft = FieldSpec("draft", .flag, scaffold: .value("true  # remove this line to publish"))
    public static let common = [title, tags, draft]

    /// Meetings and conventions record votes alike.
    public static let vote = FieldSpec("vote", .group(VoteFields.table))
}

public enum VoteFields {
    public static let inFavour = FieldSpec("for", .number, example: "120")
    public static let against = FieldSpec("against", .number, example: "3")
    public static let abstain = FieldSpec("abstain", .number, example: "5")
    public static let table = FieldTable([inFavour, against, abstain])
}

public enum MeetingFields {
    /// Checked against the date in the file name, which decides.
    public static let date = FieldSpec("date", .date, fact: 2)
    public static let format = FieldSpec("format", .choice(MeetingFormat.self), .required, fact: 1,
                                         scaffold: .choice(MeetingFormat.roundtable))
    public static let status = FieldSpec("status", .choice(defaulting: MeetingStatus.held), fact: 6,
                                         scaffold: .choice(MeetingStatus.held))
    public static let time = FieldSpec("time", .time, scaffold: .value("\"19:00\""))
    public static let endTime = FieldSpec("end_time", .time)
    public static let location = FieldSpec("location", .text, fact: 3, scaffold: .value("\"\""))
    public static let convener = FieldSpec("convener", .text, fact: 4, scaffold: .value("\"\""))
    public static let recorder = FieldSpec("recorder", .text, fact: 5)
    public static let participants = FieldSpec("participants", .entries(ParticipantFields.table), scaffold: .entry)
    public static let attendance = FieldSpec("attendance", .number, fact: 7)
    public static let agenda = FieldSpec("agenda", .textList, scaffold: .item("\"\""))
    public static let problems = FieldSpec("problems", .textList, note: "slugs of this community's problems")
    public static let round = FieldSpec("round", .number, fact: 8)
    public static let outcome = FieldSpec("outcome", .choice(MeetingOutcome.self), .requiredWhen("held"), fact: 9,
                                          scaffold: .choice(MeetingOutcome.agreed, then: "; required once held"))
    public static let decisions = FieldSpec("decisions", .textList, scaffold: .item("\"\""))
    public static let vote = RecordFields.vote
    public static let followUp = FieldSpec("follow_up", .entries(FollowUpFields.table))
    public static let summary = FieldSpec("summary", .text)

    public static let table = FieldTable(
        RecordFields.common + [date, format, status, time, endTime, location, convener, recorder, participants,
                               attendance, agenda, problems, round, outcome, decisions, vote, followUp, summary],
        scaffold: [RecordFields.title, format, status, time, location, convener, participants, agenda, outcome, decisions,
                   RecordFields.tags, RecordFields.draft])
}

public enum ParticipantFields {
    public static let role = FieldSpec("role", .text, .required, example: "owners' committee", scaffold: .value("\"residents\""))
    public static let count = FieldSpec("count", .number, example: "5", scaffold: .value("0"))
    public static let table = FieldTable([role, count])
}

public enum FollowUpFields {
    public static let action = FieldSpec("action", .text, .required, example: "Replace the door closer")
    public static let owner = FieldSpec("owner", .text, example: "property company")
    public static let due = FieldSpec("due", .date, example: "2024-06-01")
    public static let done = FieldSpec("done", .flag, example: "false")
    public static let table = FieldTable([action, owner, due, done])
}

public enum ActivityFields {
    /// Checked against the date in the file name, which decides.
    public static let date = FieldSpec("date", .date, fact: 2)
    public static let category = FieldSpec("category", .choice(ActivityCategory.self), .required, fact: 1,
                                           scaffold: .choice(ActivityCategory.culture))
    /// Shown within the `date` fact; labelled for themes all the same.
    public static let endDate = FieldSpec("end_date", .date, labelled: true)
    public static let time = FieldSpec("time", .time, fact: 3, scaffold: .value("\"09:00\""))
    public static let location = FieldSpec("location", .text, fact: 4, scaffold: .value("\"\""))
    public static let organizer = FieldSpec("organizer", .text, fact: 5, scaffold: .value("\"\""))
    public static let partners = FieldSpec("partners", .textList, fact: 6)
    public static let participants = FieldSpec("participants", .number, fact: 7, scaffold: .value("0"))
    public static let volunteers = FieldSpec("volunteers", .number, fact: 8, scaffold: .value("0"))

    public static let table = FieldTable(
        RecordFields.common + [date, category, endDate, time, location, organizer, partners, participants, volunteers],
        scaffold: [RecordFields.title, category, time, location, organizer, participants, volunteers,
                   RecordFields.tags, RecordFields.draft])
}

public enum ConventionFields {
    public static let kind = FieldSpec("kind", .choice(defaulting: ConventionKind.convention), fact: 1,
                                       scaffold: .choice(ConventionKind.convention))
    public static let adopted = FieldSpec("adopted", .date, .requiredUnlessDraft, fact: 4,
                                          scaffold: .today(comment: "the date the assembly adopted it"))
    public static let effective = FieldSpec("effective", .date, fact: 5)
    public static let status = FieldSpec("status", .choice(defaulting: ConventionStatus.inForce), fact: 2,
                                         scaffold: .choice(ConventionStatus.consultation))
    public static let version = FieldSpec("version", .text, fact: 3)
    public static let supersedes = FieldSpec("supersedes", .text, note: "slug of the version it replaces")
    public static let adoptedBy = FieldSpec("adopted_by", .text, fact: 6, scaffold: .value("\"\""))
    public static let vote = RecordFields.vote

    public static let table = FieldTable(
        RecordFields.common + [kind, adopted, effective, status, version, supersedes, adoptedBy, vote],
        scaffold: [RecordFields.title, kind, status, adopted, adoptedBy, RecordFields.tags, RecordFields.draft])
}

public enum ProblemFields {
    public static let raised = FieldSpec("raised", .date, .required, fact: 3, scaffold: .today())
    public static let raisedBy = FieldSpec("raised_by", .text, fact: 4, scaffold: .value("\"\""))
    public static let category = FieldSpec("category", .choice(ProblemCategory.self), fact: 1,
                                           scaffold: .choice(ProblemCategory.facilities))
    public static let status = FieldSpec("status", .choice(ProblemStatus.self), .required, fact: 2,
                                         scaffold: .choice(ProblemStatus.open))
    public static let resolved = FieldSpec("resolved", .date, .requiredWhen("resolved"), fact: 5)
    public static let urgent = FieldSpec("urgent", .flag, fact: 6, scaffold: .value("false"))

    public static let table = FieldTable(
        RecordFields.common + [raised, raisedBy, category, status, resolved, urgent],
        scaffold: [RecordFields.title, raised, raisedBy, category, status, urgent, RecordFields.tags])
}

extension RecordKind {
    /// The kind's fields. A switch rather than a dictionary: a kind cannot be added without a table.
    public var fields: FieldTable {
        switch self {
        case .meetings: MeetingFields.table
        case .activities: ActivityFields.table
        case .conventions: ConventionFields.table
        case .problems: ProblemFields.table
        }
    }
}
