import Foundation
import Testing
@testable import BulletinContent
@testable import BulletinIncremental
@testable import BulletinModel
@testable import BulletinSupport

/// The catalog of everything the build says: complete in both languages, every entry listed,
/// and no message written outside it.
@Suite("Diagnostic catalog")
struct DiagnosticCatalogTests {
    static func hasCJK(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    @Test func everyKindHasACodeAndBothLanguages() {
        var codes = Set<String>()
        for kind in DiagnosticKind.all {
            #expect(kind.code.wholeMatch(of: #/[a-z0-9]+(-[a-z0-9]+)*/#) != nil, "\(kind.code)")
            #expect(codes.insert(kind.code).inserted, "\(kind.code) is used twice")
            #expect(!kind.english.isEmpty && !kind.chinese.isEmpty, "\(kind.code)")
            #expect(Set(DiagnosticKind.placeholders(in: kind.chinese)) == Set(kind.placeholders),
                    "\(kind.code): \(kind.placeholders) in English, \(DiagnosticKind.placeholders(in: kind.chinese)) in Chinese")
            // A value found is only quoted, in Chinese quotation marks.
            #expect(Self.hasCJK(kind.chinese) || kind == .foundValue, "\(kind.code) has no Chinese: \(kind.chinese)")
            #expect(!Self.hasCJK(kind.english), "\(kind.code)")
            // Chinese punctuation around the words; ASCII stays only in what is written as code.
            let prose = kind.chinese.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset.isMultiple(of: 2) }.map(\.element).joined()
            #expect(!prose.contains(";") && !prose.contains("?") && !prose.contains("("), "\(kind.code): \(kind.chinese)")
        }
        #expect(DiagnosticKind.all.count > 150)
    }

    /// Every entry a `Messages+*.swift` file declares is in `DiagnosticKind.all`: one left out
    /// would be unknown to the cache, which reads messages back by their codes.
    @Test func everyDeclaredKindIsListed() throws {
        let folder = Repo.root.appendingPathComponent("Sources/BulletinModel")
        var declared: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasPrefix("Messages+") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            declared += text.matches(of: #/static let (\w+) = DiagnosticKind\(/#).map { String($0.output.1) }
        }
        #expect(declared.count == DiagnosticKind.all.count)
        #expect(Set(DiagnosticKind.all.map(\.code)).count == DiagnosticKind.all.count)
    }

    /// A message written as a literal would escape the catalog: no source builds a diagnostic
    /// from text but the preview server, which wraps errors that are not the content's.
    @Test func noSourceWritesAMessageOutsideTheCatalog() throws {
        let sources = Repo.root.appendingPathComponent("Sources")
        let allowed: Set = ["BulletinModel/Diagnostic.swift", "BulletinServe/PreviewServer.swift"]
        let walker = try #require(FileManager.default.enumerator(atPath: sources.path))
        var offenders: [String] = []
        while let path = walker.nextObject() as? String {
            guard path.hasSuffix(".swift"), !allowed.contains(path) else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            if text.contains(#/(Diagnostic|YAMLProblem)\((?:[^()]|\([^()]*\))*\bmessage: *"/#) { offenders.append(path) }
            if text.contains(#/Diagnostic\((?:[^()]|\([^()]*\))*\bmessage: *[a-z]/#) { offenders.append(path) }
        }
        #expect(offenders == [])
    }

    @Test func placeholdersAreFilledOnceAndTextIsTakenAsItIs() {
        let message = Message(.fieldUnknown, ["hint": Message(.didYouMean, ["word": "%{hint}"])])
        #expect(message.text(in: .english) == "unknown field; did you mean \"%{hint}\"?")
        #expect(message.text(in: .chinese) == "未知字段；您是不是想写 “%{hint}”？")
        let list = Message(.expectedOneOf, ["values": ["a", "b", "c"]])
        #expect(list.text(in: .english) == "expected one of: a, b, c")
        #expect(list.text(in: .chinese) == "应当是以下之一：a、b、c")
    }

    @Test func aCachedWarningKeepsItsCodeAndArguments() throws {
        let original = Diagnostic(.warning, path: "a.md", line: 3, column: 2, field: "problems", .problemUnknown,
                                  ["slug": "x", "community": "c", "hint": Suggestion.hint(for: "lift", in: ["lifts", "roof"])])
        var writer = BinaryWriter()
        original.write(to: &writer)
        var reader = BinaryReader(writer.bytes)
        let read = try Diagnostic(from: &reader)
        #expect(read == original)
        #expect(read.message(in: .chinese) == "社区 c 里没有名为 “x” 的居民问题；您是不是想写 “lifts”？")
    }
}
