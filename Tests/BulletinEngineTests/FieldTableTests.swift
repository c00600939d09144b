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

/// The field tables declare every front-matter field once; these tests hold the tables to
/// themselves, and the README's field table to the tables.
@Suite("Field tables")
struct FieldTableTests {
    /// Every table, the sets of fields inside fields among them, by the name the README gives it.
    static let tables: [(name: String, table: FieldTable)] = {
        let top = [("every record", FieldTable(RecordFields.common)), ("`site.yml`", SiteFields.table),
                   ("`community.md`", CommunityFields.table)]
            + RecordKind.allCases.map { ($0.rawValue, $0.fields) } + [("`pages/*.md`", PageFields.table)]
        return top + top.flatMap { name, table in
            table.fields.compactMap { field in field.type.nested.map { ("\(name) \(field.key)", $0) } }
        }
    }()

    @Test func keysAreUniqueAndFactsHaveOnePlaceEach() {
        for (name, table) in Self.tables {
            #expect(Set(table.keys).count == table.keys.count, "\(name): a key twice")
            #expect(table.facts.compactMap(\.fact) == Array(1..<(table.facts.count + 1)), "\(name): facts are not placed 1, 2, 3…")
            #expect(table.facts.allSatisfy { $0.labelled }, "\(name): a fact without a label")
        }
    }

    /// A kind's table begins with what every record has, so messages list those first.
    @Test func everyKindBeginsWithTheCommonFields() {
        for kind in RecordKind.allCases {
            #expect(Array(kind.fields.keys.prefix(RecordFields.common.count)) == RecordFields.common.map(\.key))
        }
    }

    @Test func theScaffoldWritesFieldsOfItsOwnTableWithTheirOwnValues() {
        for kind in RecordKind.allCases {
            let table = kind.fields
            #expect(table.scaffold.first?.key == RecordFields.title.key)
            for field in table.scaffold {
                #expect(table.keys.contains(field.key), "\(kind): scaffolds \(field.key), not in its table")
                #expect(field.scaffold != nil, "\(kind): scaffolds \(field.key) without a placeholder")
                if case .choice(let value, _)? = field.scaffold, case .choice(let type, _) = field.type {
                    #expect(type.allCaseNames.contains(value.rawValue) && Swift.type(of: value) == type,
                            "\(kind): \(field.key) scaffolds a value of another enumeration")
                }
                if case .entry? = field.scaffold {
                    #expect(field.type.nested?.fields.allSatisfy { $0.scaffold != nil } == true)
                }
            }
        }
    }

    /// A theme's strings must label every labelled field, and only the tables say which.
    @Test func theStringsCheckAsksForEveryLabelledField() throws {
        for kind in RecordKind.allCases {
            for key in kind.fields.labelKeys { #expect(ThemeStrings.requiredFieldKeys.contains(key)) }
        }
        for key in CommunityFields.table.labelKeys { #expect(ThemeStrings.requiredFieldKeys.contains(key)) }
        #expect(Set(ThemeStrings.requiredFieldKeys).count == ThemeStrings.requiredFieldKeys.count)

        let english = try String(contentsOf: Repo.templates.appendingPathComponent("strings/en.yml"), encoding: .utf8)
        let label = "  \(ProblemFields.raisedBy.key): "
        let without = english.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix(label) }
        let (strings, problems) = ThemeStrings.load(language: "en", available: ["en"], data: Data(without.joined(separator: "\n").utf8))
        #expect(strings == nil)
        #expect(problems.map(\.description) == ["strings/en.yml:1:1: error: fields.\(ProblemFields.raisedBy.key): is missing; the engine labels this field with it"])
    }

    /// The README's table of fields says what the tables say: a field added, renamed or
    /// explained differently in a table must be written there too.
    @Test func theREADMEFieldTableIsTheTables() throws {
        let readme = try String(contentsOf: Repo.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "\n### Fields\n").dropFirst().first)
        let written = section.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { !$0.hasPrefix("| file |") }.prefix { $0.hasPrefix("|") }.map(String.init)
        let common = RecordFields.common.count
        let rows = [("every record", RecordFields.common), ("`site.yml`", SiteFields.table.fields),
                    ("`community.md`", CommunityFields.table.fields)]
            + RecordKind.allCases.map { ($0.rawValue, Array($0.fields.fields.dropFirst(common))) }
            + [("`pages/*.md`", PageFields.table.fields)]
        let expected = ["| file | fields |", "|---|---|"]
            + rows.map { name, fields in "| \(name) | \(fields.map(Self.readmeText).joined(separator: ", ")) |" }
        #expect(written == expected, "README.md's field table should read:\n\(expected.joined(separator: "\n"))")
    }

    /// A field as the README describes it: `` `key` (rule: values; shape; note) ``.
    static func readmeText(_ field: FieldSpec) -> String {
        let rule: String? = switch field.rule {
        case .optional: nil
        case .required: "required"
        case .requiredUnlessDraft: "required unless draft"
        case .requiredWhen(let condition): "required when \(condition)"
        }
        var values: String?
        if case .choice(let type, let fallback) = field.type {
            values = type.allCaseNames.map { $0 == fallback?.rawValue ? "\($0) (default)" : $0 }.joined(separator: ", ")
        }
        func shape(_ table: FieldTable) -> String {
            "{" + table.fields.map { if case .textList = $0.type { "\($0.key): [...]" } else { $0.key } }.joined(separator: ", ") + "}"
        }
        let form: String? = switch field.type {
        case .entries(let table): "list of `\(shape(table))`"
        case .group(let table): "`\(shape(table))`"
        case .textOrGroup(let table): "text, or `\(shape(table))`"
        default: nil
        }
        let ruleAndValues = [rule, values].compactMap { $0 }.joined(separator: ": ")
        let details = [ruleAndValues.isEmpty ? nil : ruleAndValues, form, field.note].compactMap { $0 }
        return "`\(field.key)`" + (details.isEmpty ? "" : " (\(details.joined(separator: "; ")))")
    }
}
