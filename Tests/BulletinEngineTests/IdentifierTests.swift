import Testing
@testable import BulletinContent
@testable import BulletinEngine
@testable import BulletinIncremental
@testable import BulletinModel
@testable import BulletinOutput
@testable import BulletinRender
@testable import BulletinSite
@testable import BulletinSupport

@Suite("Identifiers (community folders, slugs)")
struct IdentifierTests {
    @Test(arguments: ["elevator-3", "roof-round-6", "a", "2024", "电梯议事会", "青友园", "三号楼-加装电梯", "straße", "café-1"])
    func lowercaseLettersOfAnyScriptDigitsAndHyphensAreValid(_ name: String) {
        #expect(Identifier.isValid(name))
    }

    @Test(arguments: ["", "Roof", "roof repair", "roof_repair", "roof.md", "a/b", "..", "-roof", "roof-", "ROOF", "电梯 议事会", "电梯，议事会"])
    func anythingElseIsInvalid(_ name: String) {
        #expect(!Identifier.isValid(name))
    }

    @Test func suggestionLowercasesAndJoinsWordsWithHyphens() {
        #expect(Identifier.suggestion(for: "Roof Repair") == "roof-repair")
        #expect(Identifier.suggestion(for: "Lift repair, round 3") == "lift-repair-round-3")
        #expect(Identifier.suggestion(for: "my_file.name") == "my-file-name")
        #expect(Identifier.suggestion(for: "a / b") == "a-b")
    }

    @Test func suggestionKeepsChineseLetters() {
        #expect(Identifier.suggestion(for: "电梯 议事会") == "电梯-议事会")
        #expect(Identifier.suggestion(for: "三号楼（加装电梯）") == "三号楼加装电梯")
    }

    @Test func suggestionIsNilWhenNothingUsableIsLeft() {
        #expect(Identifier.suggestion(for: "!!!") == nil)
        #expect(Identifier.suggestion(for: "..") == nil)
        #expect(Identifier.suggestion(for: "") == nil)
    }

    /// The suggestion is offered as the name to rename to, so it must pass the rule itself.
    @Test func suggestionNeverStartsOrEndsWithAHyphen() {
        #expect(Identifier.suggestion(for: "-roof") == "roof")
        #expect(Identifier.suggestion(for: "  --Trim me--  ") == "trim-me")
    }

    @Test(arguments: ["Roof Repair", "Lift repair, round 3", "电梯 议事会", "Ünïcode Straße", "-Roof", "--x--"])
    func everySuggestionIsItselfValid(_ name: String) throws {
        let suggestion = try #require(Identifier.suggestion(for: name))
        #expect(Identifier.isValid(suggestion))
    }
}
