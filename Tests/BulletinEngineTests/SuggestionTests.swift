import Testing
@testable import BulletinContent
@testable import BulletinEngine
@testable import BulletinIncremental
@testable import BulletinModel
@testable import BulletinOutput
@testable import BulletinRender
@testable import BulletinSite
@testable import BulletinSupport

@Suite("Did-you-mean suggestions")
struct SuggestionTests {
    @Test func findsTheNearestKnownSpelling() {
        let keys = RecordKind.meetings.fields.keys
        #expect(Suggestion.nearest(to: "attendence", in: keys) == "attendance")
        #expect(Suggestion.nearest(to: "outcom", in: keys) == "outcome")
        #expect(Suggestion.nearest(to: "endtime", in: keys) == "end_time")
        #expect(Suggestion.nearest(to: "Format", in: keys) == "format")
    }

    @Test func suggestsNothingWhenNothingIsClose() {
        #expect(Suggestion.nearest(to: "weather", in: ["format", "status", "outcome"]) == nil)
        #expect(Suggestion.nearest(to: "x", in: []) == nil)
    }

    @Test func worksWithChineseWords() {
        #expect(Suggestion.nearest(to: "板凳", in: ["板凳会", "凉亭会", "圆桌会"]) == "板凳会")
    }

    @Test func hintListsEveryCandidateWhenNothingIsClose() {
        #expect(Suggestion.hint(for: "meting", in: ["meetings", "problems"]).english == "did you mean \"meetings\"?")
        #expect(Suggestion.hint(for: "zzzzzzzz", in: ["meetings", "problems"]).english == "expected one of: meetings, problems")
    }

    @Test func editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.editDistance("电梯", "电梯会") == 1)
    }
}
