/// The fields of each kind of record, beside those every record has (`Record`).

public struct Vote: Sendable, Hashable {
    public var inFavour: Int
    public var against: Int
    public var abstain: Int
    public var total: Int { inFavour + against + abstain }

    public init(inFavour: Int, against: Int, abstain: Int) {
        self.inFavour = inFavour
        self.against = against
        self.abstain = abstain
    }
}

public struct ParticipantGroup: Sendable, Hashable {
    public var role: String
    public var count: Int?

    public init(role: String, count: Int? = nil) {
        self.role = role
        self.count = count
    }
}

public struct FollowUp: Sendable, Hashable {
    public var action: String
    public var owner: String?
    public var due: SimpleDate?
    public var done: Bool

    public init(action: String, owner: String? = nil, due: SimpleDate? = nil, done: Bool) {
        self.action = action
        self.owner = owner
        self.due = due
        self.done = done
    }
}

public struct Meeting: Sendable, Hashable {
    public var format: MeetingFormat
    public var status: MeetingStatus
    public var time: TimeOfDay?
    public var endTime: TimeOfDay?
    public var location: String?
    public var convener: String?
    public var recorder: String?
    public var participants: [ParticipantGroup]
    public var attendance: Int?
    public var agenda: [String]
    public var problems: [String]
    public var round: Int?
    public var outcome: MeetingOutcome?
    public var decisions: [String]
    public var vote: Vote?
    public var followUp: [FollowUp]
    public var summary: String?

    public init(format: MeetingFormat, status: MeetingStatus, time: TimeOfDay? = nil, endTime: TimeOfDay? = nil, location: String? = nil, convener: String? = nil, recorder: String? = nil, participants: [ParticipantGroup], attendance: Int? = nil, agenda: [String], problems: [String], round: Int? = nil, outcome: MeetingOutcome? = nil, decisions: [String], vote: Vote? = nil, followUp: [FollowUp], summary: String? = nil) {
        self.format = format
        self.status = status
        self.time = time
        self.endTime = endTime
        self.location = location
        self.convener = convener
        self.recorder = recorder
        self.participants = participants
        self.attendance = attendance
        self.agenda = agenda
        self.problems = problems
        self.round = round
        self.outcome = outcome
        self.decisions = decisions
        self.vote = vote
        self.followUp = followUp
        self.summary = summary
    }
}

public struct Activity: Sendable, Hashable {
    public var category: ActivityCategory
    public var endDate: SimpleDate?
    public var time: TimeOfDay?
    public var location: String?
    public var organizer: String?
    public var partners: [String]
    public var participants: Int?
    public var volunteers: Int?

    public init(category: ActivityCategory, endDate: SimpleDate? = nil, time: TimeOfDay? = nil, location: String? = nil, organizer: String? = nil, partners: [String], participants: Int? = nil, volunteers: Int? = nil) {
        self.category = category
        self.endDate = endDate
        self.time = time
        self.location = location
        self.organizer = organizer
        self.partners = partners
        self.participants = participants
        self.volunteers = volunteers
    }
}

public struct Convention: Sendable, Hashable {
    public var kind: ConventionKind
    public var adopted: SimpleDate?
    public var effective: SimpleDate?
    public var status: ConventionStatus
    public var version: String?
    public var supersedes: String?
    public var adoptedBy: String?
    public var vote: Vote?

    public init(kind: ConventionKind, adopted: SimpleDate? = nil, effective: SimpleDate? = nil, status: ConventionStatus, version: String? = nil, supersedes: String? = nil, adoptedBy: String? = nil, vote: Vote? = nil) {
        self.kind = kind
        self.adopted = adopted
        self.effective = effective
        self.status = status
        self.version = version
        self.supersedes = supersedes
        self.adoptedBy = adoptedBy
        self.vote = vote
    }
}

public struct Problem: Sendable, Hashable {
    public var raised: SimpleDate
    public var raisedBy: String?
    public var category: ProblemCategory?
    public var status: ProblemStatus
    public var resolved: SimpleDate?
    public var urgent: Bool

    public init(raised: SimpleDate, raisedBy: String? = nil, category: ProblemCategory? = nil, status: ProblemStatus, resolved: SimpleDate? = nil, urgent: Bool) {
        self.raised = raised
        self.raisedBy = raisedBy
        self.category = category
        self.status = status
        self.resolved = resolved
        self.urgent = urgent
    }
}
