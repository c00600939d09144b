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

/// One mistake of the `Fixtures/broken` site: the file that holds it and the exact diagnostic.
struct Mistake: Sendable, CustomTestStringConvertible {
    let behaviour: String
    /// Content-relative path of the broken file (or folder).
    let path: String
    let diagnostic: String
    var testDescription: String { behaviour }
}

@Suite("Broken content: every mistake reported exactly")
struct BrokenContentTests {
    static let c = "communities/oak-court"

    /// Written by the tests rather than kept as a fixture file, so no tool can normalise the bytes:
    /// `title: "Café meeting"` with é in Latin-1.
    static let latin1Path = "\(c)/meetings/2024-01-14-latin1.md"
    static let latin1Bytes: [UInt8] = Array("---\ntitle: \"Caf".utf8) + [0xE9] + Array(" meeting\"\nformat: council\noutcome: agreed\n---\n".utf8)

    static let mistakes: [Mistake] = [
        Mistake(behaviour: "supersedingAnUnknownConventionIsAnError", path: "\(c)/conventions/house-rules.md",
                diagnostic: "\(c)/conventions/house-rules.md:4:13: error: supersedes: no convention \"old-house-rules\" in community oak-court; this community has no other convention; remove `supersedes` or add the earlier version"),
        Mistake(behaviour: "misspeltRecordFolderSuggestsTheKnownOne", path: "\(c)/meeting",
                diagnostic: "\(c)/meeting:1:1: error: \"meeting\" is not a record folder; did you mean \"meetings\"?"),
        Mistake(behaviour: "impossibleDateInFileNameIsAnError", path: "\(c)/meetings/2023-02-30-x.md",
                diagnostic: "\(c)/meetings/2023-02-30-x.md:1:1: error: the date \"2023-02-30\" in the file name does not exist; write a real date as YYYY-MM-DD"),
        Mistake(behaviour: "misspelledKeySuggestsTheKnownOne", path: "\(c)/meetings/2024-01-01-misspelt-key.md",
                diagnostic: "\(c)/meetings/2024-01-01-misspelt-key.md:5:1: error: attendence: unknown field; did you mean \"attendance\"?"),
        Mistake(behaviour: "textWhereAListOfEntriesIsExpectedIsAnError", path: "\(c)/meetings/2024-01-02-participants-text.md",
                diagnostic: "\(c)/meetings/2024-01-02-participants-text.md:5:15: error: participants: found \"many\", expected a list of entries, each like: - {role: owners' committee, count: 5}"),
        Mistake(behaviour: "unknownEnumValueSuggestsTheNearestAndListsAll", path: "\(c)/meetings/2024-01-03-unknown-format.md",
                diagnostic: "\(c)/meetings/2024-01-03-unknown-format.md:3:9: error: format: found \"bnch\", did you mean \"bench\"? expected one of: bench, pavilion, roundtable, council, joint, hearing, mediation, drill, assembly, other"),
        Mistake(behaviour: "heldMeetingNeedsAnOutcome", path: "\(c)/meetings/2024-01-04-no-outcome.md",
                diagnostic: "\(c)/meetings/2024-01-04-no-outcome.md:2:1: error: outcome: is required for a meeting that was held; add e.g. `outcome: agreed` (or set `status: scheduled`)"),
        Mistake(behaviour: "unknownProblemSlugSuggestsTheNearest", path: "\(c)/meetings/2024-01-05-unknown-problem.md",
                diagnostic: "\(c)/meetings/2024-01-05-unknown-problem.md:5:11: error: problems: no problem \"lift-bulding-3\" in community oak-court; did you mean \"lift-building-3\"?"),
        Mistake(behaviour: "missingTitleIsAnError", path: "\(c)/meetings/2024-01-06-no-title.md",
                diagnostic: "\(c)/meetings/2024-01-06-no-title.md:2:1: error: title: is required; add a line `title: Roof repair, round 2`"),
        Mistake(behaviour: "fileNameWithSpacesAndCapitalsSuggestsAValidName", path: "\(c)/meetings/2024-01-07-Roof Repair.md",
                diagnostic: "\(c)/meetings/2024-01-07-Roof Repair.md:1:1: error: the file name \"Roof Repair\" may only use lowercase letters, digits and \"-\"; rename it to \"2024-01-07-roof-repair.md\""),
        Mistake(behaviour: "fileWithoutFrontMatterIsAnError", path: "\(c)/meetings/2024-01-09-no-front-matter.md",
                diagnostic: "\(c)/meetings/2024-01-09-no-front-matter.md:1:1: error: the file must start with a line `---`, then the fields, then another `---` line before the text"),
        Mistake(behaviour: "unclosedFrontMatterIsAnError", path: "\(c)/meetings/2024-01-10-unclosed.md",
                diagnostic: "\(c)/meetings/2024-01-10-unclosed.md:1:1: error: the front matter is never closed; add a line `---` after the last field"),
        Mistake(behaviour: "yamlSyntaxErrorIsLocatedAndExplained", path: "\(c)/meetings/2024-01-11-yaml-error.md",
                diagnostic: "\(c)/meetings/2024-01-11-yaml-error.md:5:15: error: the front matter is not valid YAML: mapping values are not allowed in this context; a value containing \": \" must be put in quotes, e.g. title: \"Roof: round 2\""),
        Mistake(behaviour: "duplicateKeyIsAnError", path: "\(c)/meetings/2024-01-12-duplicate-key.md",
                diagnostic: "\(c)/meetings/2024-01-12-duplicate-key.md:5:1: error: format: the field \"format\" is written more than once (first on line 3); keep one"),
        Mistake(behaviour: "dateFieldMustAgreeWithTheFileName", path: "\(c)/meetings/2024-01-13-date-disagrees.md",
                diagnostic: "\(c)/meetings/2024-01-13-date-disagrees.md:3:7: error: date: is 2024-01-14 but the file name says 2024-01-13; make them agree (the file name decides the page address)"),
        Mistake(behaviour: "invalidUTF8IsLocatedByLineAndColumn", path: latin1Path,
                diagnostic: "\(latin1Path):2:12: error: the text is not valid UTF-8; save the file as UTF-8 in your editor"),
        Mistake(behaviour: "strayFileInARecordFolderIsAnError", path: "\(c)/meetings/notes.txt",
                diagnostic: "\(c)/meetings/notes.txt:1:1: error: only Markdown records (.md) and bundle folders belong in meetings/; put files a record links to in a bundle folder beside its index.md"),
        Mistake(behaviour: "resolvedProblemNeedsTheResolvedDate", path: "\(c)/problems/fixed-roof.md",
                diagnostic: "\(c)/problems/fixed-roof.md:4:9: error: resolved: is required when status is resolved; add `resolved: YYYY-MM-DD`"),
    ]

    static func brokenSite() throws -> TestSite {
        let site = try TestSite.fixture("broken")
        try site.write(latin1Path, bytes: latin1Bytes)
        return site
    }

    @Test func everyMistakeIsReportedInOneRunAndNothingIsWritten() throws {
        let site = try Self.brokenSite()
        let reported = site.failures()
        #expect(reported == Self.mistakes.map(\.diagnostic))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        // No staging folder is left behind either.
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path) == ["content"])
    }

    @Test func checkReportsTheSameList() throws {
        #expect(try Self.brokenSite().checkFailures() == Self.mistakes.map(\.diagnostic))
    }

    /// Each mistake, alone in an otherwise valid site, gives exactly its one diagnostic:
    /// no mistake hides another or causes follow-on errors.
    @Test(arguments: mistakes)
    func eachMistakeAloneGivesExactlyItsDiagnostic(_ mistake: Mistake) throws {
        let site = try Self.brokenSite()
        for other in Self.mistakes where other.path != mistake.path {
            try site.remove(other.path)
        }
        #expect(site.failures() == [mistake.diagnostic])
    }

    @Test func theBrokenSiteBuildsOnceEveryMistakeIsRemoved() throws {
        let site = try Self.brokenSite()
        for mistake in Self.mistakes { try site.remove(mistake.path) }
        let built = try site.build()
        #expect(built.exists("communities/oak-court/problems/lift-building-3/index.html"))
    }

    @Test func diagnosticsAlsoComeAsJSON() throws {
        let site = try Self.brokenSite()
        let options = site.options()
        do {
            _ = try Builder(options: options).check()
            Issue.record("expected failure")
        } catch {
            let format = try #require(error.diagnostics.first { $0.field == "format" && $0.line == 3 && $0.column == 9 })
            #expect(format.json == #"{"code":"choice-unknown","column":9,"field":"format","line":3,"message":"found \"bnch\", did you mean \"bench\"? expected one of: bench, pavilion, roundtable, council, joint, hearing, mediation, drill, assembly, other","message_en":"found \"bnch\", did you mean \"bench\"? expected one of: bench, pavilion, roundtable, council, joint, hearing, mediation, drill, assembly, other","path":"communities\/oak-court\/meetings\/2024-01-03-unknown-format.md","severity":"error"}"#)
            #expect(error.errorCount == Self.mistakes.count)
        }
    }
}
