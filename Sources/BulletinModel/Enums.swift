import BulletinSupport

/// An enumerated front-matter value. `group` names its section under `values:` in the
/// theme's strings files, where each value's display name lives.
public protocol ContentEnum: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {
    static var group: String { get }
}

public enum MeetingFormat: String, ContentEnum {
    case bench, pavilion, roundtable, council, joint, hearing, mediation, drill, assembly, other
    public static let group = "meeting_format"
}

public enum MeetingStatus: String, ContentEnum {
    case scheduled, held, postponed, cancelled
    public static let group = "meeting_status"
}

public enum MeetingOutcome: String, ContentEnum {
    case agreed, agreedWithConditions = "agreed_with_conditions", rejected, deferred, referred
    case noDecision = "no_decision"
    public static let group = "meeting_outcome"
}

public enum ActivityCategory: String, ContentEnum {
    case festival, sports, culture, volunteering, mutualAid = "mutual_aid", elderlyCare = "elderly_care"
    case children, education, health, environment, safety, other
    public static let group = "activity_category"
}

public enum ConventionKind: String, ContentEnum {
    case convention, rulesOfProcedure = "rules_of_procedure", buildingCode = "building_code", other
    public static let group = "convention_kind"
}

public enum ConventionStatus: String, ContentEnum {
    case draft, consultation, inForce = "in_force", superseded, repealed
    public static let group = "convention_status"
}

public enum ProblemCategory: String, ContentEnum {
    case facilities, safety, environment, parking, publicSpace = "public_space"
    case propertyService = "property_service", neighbourDispute = "neighbour_dispute"
    case elderlyCare = "elderly_care", other
    public static let group = "problem_category"
}

public enum ProblemStatus: String, ContentEnum {
    case open, deliberating, inProgress = "in_progress", resolved, referred
    case closedUnresolved = "closed_unresolved"
    public static let group = "problem_status"
}

/// Every enumeration, for checking that a theme's strings name all their values.
public let allContentEnums: [any ContentEnum.Type] = [
    MeetingFormat.self, MeetingStatus.self, MeetingOutcome.self, ActivityCategory.self,
    ConventionKind.self, ConventionStatus.self, ProblemCategory.self, ProblemStatus.self,
]
