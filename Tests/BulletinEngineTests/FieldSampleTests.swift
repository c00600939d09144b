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

/// A record of each kind with every field its table lists, each set to a value that leaving the
/// field out would not give: the parser must read every field, the build cache keep it, and
/// the record page list every fact.
@Suite("Every field of the tables")
struct FieldSampleTests {
    /// One line per field, in table order, each value written in flow style.
    static func sampleLines(_ kind: RecordKind) -> [String] {
        kind.fields.fields.enumerated().map { index, field in "\(field.key): \(sampleValue(field, index))" }
    }

    static func sampleValue(_ field: FieldSpec, _ index: Int) -> String {
        func group(_ table: FieldTable) -> String {
            "{" + table.fields.enumerated().map { "\($1.key): \(sampleValue($1, $0))" }.joined(separator: ", ") + "}"
        }
        // Dates and times grow with the place, so a later field (resolved, end_time) is never before an earlier one.
        switch field.type {
        case .text: return "\"Sample \(field.key)\""
        case .number: return String(3 + index)
        case .flag: return "true"
        case .date: return "2024-05-\(10 + index)"
        case .time: return "\"19:\(10 + index)\""
        case .textList: return "[\"Sample \(field.key) 1\", \"Sample \(field.key) 2\"]"
        case .choice(let type, _): return type.allCaseNames.last ?? ""
        case .entries(let table): return "[\(group(table))]"
        case .group(let table), .textOrGroup(let table): return group(table)
        }
    }

    /// The field that must agree with the file name's date, which decides it.
    static func checkedDate(_ kind: RecordKind) -> FieldSpec? {
        switch kind {
        case .meetings: MeetingFields.date
        case .activities: ActivityFields.date
        case .conventions, .problems: nil
        }
    }

    static func fileDate(_ kind: RecordKind) -> SimpleDate? {
        checkedDate(kind).flatMap { date in
            kind.fields.keys.firstIndex(of: date.key).flatMap { SimpleDate(iso: sampleValue(date, $0)) }
        }
    }

    static func parse(_ kind: RecordKind, _ lines: [String], sink: DiagnosticSink = DiagnosticSink()) throws -> Record? {
        let source = RecordSource(kind: kind, community: "riverside", slug: "sample", fileDate: fileDate(kind),
                                  file: SourceFile(path: "sample.md", url: URL(fileURLWithPath: "/dev/null")), bundleAssets: [])
        let reader = DocumentReader(labels: try #require(Theme.load(from: Repo.templates, language: "en").0).strings.values)
        let text = "---\n" + lines.joined(separator: "\n") + "\n---\nThe body.\n"
        return RecordParser(reader: reader).parse(source, text: Data(text.utf8), sink: sink)
    }

    /// Each field left out (its line made a comment, so the others stay where they were) gives
    /// another record; and the record with them all is the same once read back from the cache.
    @Test(arguments: RecordKind.allCases)
    func everyFieldIsReadAndKept(kind: RecordKind) throws {
        let lines = Self.sampleLines(kind)
        let sink = DiagnosticSink()
        let full = try #require(try Self.parse(kind, lines, sink: sink))
        #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics.map(\.description))")
        for (index, field) in kind.fields.fields.enumerated() {
            var without = lines
            without[index] = "# \(field.key) left out"
            let parsed = try Self.parse(kind, without)
            if field.key == Self.checkedDate(kind)?.key {
                #expect(parsed == full, "\(kind): the file name gives the date, not `\(field.key)`")
            } else {
                #expect(parsed != full, "\(kind): `\(field.key)` makes no difference to the record")
            }
        }
        var writer = BinaryWriter()
        full.write(to: &writer)
        var reader = BinaryReader(writer.bytes)
        var expected = full
        expected.body = ""
        #expect(try Record(from: &reader, provenance: nil) == expected, "\(kind): a field is lost in the build cache")
        #expect(reader.atEnd)
    }

    /// What a table gives as a choice's default, or a flag's (false), is what leaving it out gives.
    @Test(arguments: RecordKind.allCases)
    func leavingAFieldOutGivesItsDefault(kind: RecordKind) throws {
        let lines = Self.sampleLines(kind)
        for (index, field) in kind.fields.fields.enumerated() {
            let written: String
            switch field.type {
            case .choice(_, let fallback?): written = fallback.rawValue
            case .flag: written = "false"
            default: continue
            }
            var absent = lines, explicit = lines
            absent[index] = "# \(field.key) left out"
            explicit[index] = "\(field.key): \(written)"
            let (a, b) = (try #require(try Self.parse(kind, absent)), try #require(try Self.parse(kind, explicit)))
            #expect(a.details == b.details && a.draft == b.draft, "\(kind): leaving `\(field.key)` out is not `\(written)`")
        }
    }

    /// A record page lists every fact its table names, labelled and in the table's order.
    @Test func aRecordWithEveryFieldShowsEveryFact() throws {
        let site = try TestSite.fixture("en-site")
        // The fields naming other records would need those records; the facts do not show them.
        let references = [MeetingFields.problems.key, ConventionFields.supersedes.key]
        var pages: [(RecordKind, String)] = []
        for kind in RecordKind.allCases {
            let lines = Self.sampleLines(kind).filter { line in !references.contains { line.hasPrefix("\($0):") } }
            let name = Self.fileDate(kind).map { "\($0.iso)-sample" } ?? "sample"
            try site.write("communities/riverside/\(kind.rawValue)/\(name).md", "---\n" + lines.joined(separator: "\n") + "\n---\nThe body.\n")
            pages.append((kind, "communities/riverside/\(kind.rawValue)/sample/index.html"))
        }
        let built = try site.build(includeDrafts: true)
        let strings = try #require(Theme.load(from: Repo.templates, language: "en").0).strings
        for (kind, path) in pages {
            let page = try built.read(path)
            let labels = page.components(separatedBy: "<dt>").dropFirst().compactMap { $0.components(separatedBy: "</dt>").first }
            #expect(labels.map(HTML.unescape) == kind.fields.facts.map { strings.field($0.key) }, "\(kind)")
        }
    }
}
