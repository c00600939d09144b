import Foundation
import Testing
@testable import BulletinContent
@testable import BulletinEngine
@testable import BulletinIncremental
@testable import BulletinModel
@testable import BulletinOutput
@testable import BulletinRender
@testable import BulletinSite
@testable import BulletinSupport

@Suite("bulletin new: scaffolding records")
struct NewRecordTests {
    @Test func aNewMeetingIsNamedByDateAndTitleAndTheSiteStillBuilds() throws {
        let site = try TestSite.fixture("en-site")
        let path = try NewRecord.create(kind: "meeting", community: "riverside", title: "Lift repair, round 3",
                                        content: site.content, today: testToday)
        #expect(path == "communities/riverside/meetings/2026-11-23-lift-repair-round-3.md")
        let text = try site.read(path)
        #expect(text.hasPrefix("---\ntitle: \"Lift repair, round 3\"\n"))
        #expect(text.contains("draft: true"))
        // A draft: the site builds and the new meeting is not published yet.
        let built = try site.build()
        #expect(!built.exists("communities/riverside/meetings/lift-repair-round-3/index.html"))
        // Previewed with drafts, its scaffold is valid content.
        #expect(try site.build(includeDrafts: true).exists("communities/riverside/meetings/lift-repair-round-3/index.html"))
    }

    @Test func removingTheDraftLinePublishesTheScaffold() throws {
        let site = try TestSite.fixture("en-site")
        let path = try NewRecord.create(kind: "meeting", community: "hilltop", title: "Parking, round 2",
                                        content: site.content, today: testToday)
        let published = try site.read(path).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("draft:") }.joined(separator: "\n")
        try site.write(path, published)
        _ = try Builder(options: site.options()).check()
        let page = try site.build().read("communities/hilltop/meetings/parking-round-2/index.html")
        #expect(page.contains("<h1>Parking, round 2</h1>"))
    }

    @Test(arguments: [
        ("activity", "Spring Fair", "communities/riverside/activities/2026-11-23-spring-fair.md"),
        ("convention", "Quiet hours", "communities/riverside/conventions/quiet-hours.md"),
        ("problem", "Broken bench", "communities/riverside/problems/broken-bench.md"),
        ("meetings", "Plural kind", "communities/riverside/meetings/2026-11-23-plural-kind.md"),
        ("problem", "电梯 故障", "communities/riverside/problems/电梯-故障.md"),
    ])
    func everyKindGetsItsFileNameAndValidFrontMatter(kind: String, title: String, expected: String) throws {
        let site = try TestSite.fixture("en-site")
        let path = try NewRecord.create(kind: kind, community: "riverside", title: title, content: site.content, today: testToday)
        #expect(path == expected)
        #expect(FileManager.default.fileExists(atPath: site.url(expected).path))
        _ = try Builder(options: site.options()).check()
        _ = try Builder(options: site.options(includeDrafts: true)).check()
    }

    @Test func aSecondCreateWithTheSameTitleFailsWithoutOverwriting() throws {
        let site = try TestSite.fixture("en-site")
        let path = try NewRecord.create(kind: "meeting", community: "riverside", title: "Lift repair, round 3",
                                        content: site.content, today: testToday)
        try site.write(path, try site.read(path) + "Minutes written since.\n")
        let edited = try site.read(path)
        #expect(throws: NewRecord.Failure.self) {
            try NewRecord.create(kind: "meeting", community: "riverside", title: "Lift repair, round 3",
                                 content: site.content, today: testToday)
        }
        do {
            _ = try NewRecord.create(kind: "meeting", community: "riverside", title: "Lift repair, round 3",
                                     content: site.content, today: testToday)
        } catch {
            #expect(error.description == "communities/riverside/meetings/2026-11-23-lift-repair-round-3.md already exists; it was left untouched (choose another title or edit that file)")
        }
        #expect(try site.read(path) == edited)
    }

    @Test func unknownKindAndCommunityAreExplained() throws {
        let site = try TestSite.fixture("en-site")
        func failure(_ kind: String, _ community: String, _ title: String) -> String? {
            do {
                _ = try NewRecord.create(kind: kind, community: community, title: title, content: site.content, today: testToday)
                return nil
            } catch { return error.description }
        }
        #expect(failure("meting", "riverside", "X") == "unknown kind \"meting\"; did you mean \"meeting\"?")
        #expect(failure("meeting", "riversid", "X") == "there is no community folder communities/riversid/ with a community.md; did you mean \"riverside\"?")
        #expect(failure("meeting", "riverside", "!!!") == "cannot make a file name from the title \"!!!\"; use a title with letters or digits")
        #expect(OutputTree.files(in: site.content.appendingPathComponent("communities/riverside/meetings")).count == 6)
    }

    /// The whole front matter of each kind, as the field tables make it.
    @Test func eachKindsFrontMatterListsItsFieldsToFillIn() {
        func frontMatter(_ kind: RecordKind) -> String { NewRecord.frontMatter(kind, title: "Lift \"A\"", today: testToday) }
        #expect(frontMatter(.meetings) == """
            title: "Lift \\"A\\""
            format: roundtable  # one of: bench, pavilion, roundtable, council, joint, hearing, mediation, drill, assembly, other
            status: held  # one of: scheduled, held, postponed, cancelled
            time: "19:00"
            location: ""
            convener: ""
            participants:
              - role: "residents"
                count: 0
            agenda:
              - ""
            outcome: agreed  # one of: agreed, agreed_with_conditions, rejected, deferred, referred, no_decision; required once held
            decisions:
              - ""
            tags: []
            draft: true  # remove this line to publish

            """)
        #expect(frontMatter(.activities) == """
            title: "Lift \\"A\\""
            category: culture  # one of: festival, sports, culture, volunteering, mutual_aid, elderly_care, children, education, health, environment, safety, other
            time: "09:00"
            location: ""
            organizer: ""
            participants: 0
            volunteers: 0
            tags: []
            draft: true  # remove this line to publish

            """)
        #expect(frontMatter(.conventions) == """
            title: "Lift \\"A\\""
            kind: convention  # one of: convention, rules_of_procedure, building_code, other
            status: consultation  # one of: draft, consultation, in_force, superseded, repealed
            adopted: 2026-11-23  # the date the assembly adopted it
            adopted_by: ""
            tags: []
            draft: true  # remove this line to publish

            """)
        #expect(frontMatter(.problems) == """
            title: "Lift \\"A\\""
            raised: 2026-11-23
            raised_by: ""
            category: facilities  # one of: facilities, safety, environment, parking, public_space, property_service, neighbour_dispute, elderly_care, other
            status: open  # one of: open, deliberating, in_progress, resolved, referred, closed_unresolved
            urgent: false
            tags: []

            """)
    }
}
