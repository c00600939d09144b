import Foundation
import Testing
@testable import BulletinContent
@testable import BulletinEngine
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

    @Test func theLanguageFollowsTheSiteAndFallsBackToEnglish() throws {
        #expect(DiagnosticLanguage(siteLanguage: "zh-CN") == .chinese)
        #expect(DiagnosticLanguage(siteLanguage: "zh-Hant-TW") == .chinese)
        #expect(DiagnosticLanguage(siteLanguage: "en") == .english)
        #expect(DiagnosticLanguage(siteLanguage: "fr") == .english)
        let zh = try TestSite.fixture("zh-site")
        #expect(SiteSettings.diagnosticsLanguage(content: zh.content) == .chinese)
        #expect(SiteSettings.diagnosticsLanguage(content: zh.content, choice: "en") == .english)
        // A site.yml with other mistakes still gives its language.
        try zh.write("site.yml", "language: zh-CN\npage_size: none\n")
        #expect(SiteSettings.diagnosticsLanguage(content: zh.content) == .chinese)
        try zh.write("site.yml", "language: [zh-CN\n")
        #expect(SiteSettings.diagnosticsLanguage(content: zh.content) == .english)
        try zh.remove("site.yml")
        #expect(SiteSettings.diagnosticsLanguage(content: zh.content) == .english)
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

/// The command line speaks the site's language unless told otherwise.
@Suite("Diagnostics in the site's language", .enabled(if: CLI.executable != nil, "the bulletin executable has not been built"))
struct DiagnosticLanguageCLITests {
    static let path = "communities/青友园/meetings/2024-01-01-broken.md"

    static func brokenChineseSite() throws -> TestSite {
        let site = try TestSite.fixture("zh-site")
        try site.write(path, "---\ntitle: 测试\nformat: bench\noutcome: agreed\nattendence: 5\n---\n")
        return site
    }

    static func run(_ command: String, _ site: TestSite, _ more: [String] = []) throws -> CLI.Result {
        var arguments = [command, "--content", site.content.path, "--templates", Repo.templates.path, "--now", "2026-11-23"]
        if command == "build" { arguments += ["--output", site.output.path] }
        return try CLI.run(arguments + more, in: site.root)
    }

    @Test func aChineseSiteIsToldInChinese() throws {
        let result = try Self.run("build", try Self.brokenChineseSite())
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(Self.path):5:1: error: attendence: 未知字段；您是不是想写 “attendance”？\n"), "\(result.stderr)")
        #expect(result.stderr.contains("生成失败：有 1 处错误；没有写入任何文件。"), "\(result.stderr)")
        #expect(result.stderr.contains("[1/5] 正在读取 "), "\(result.stderr)")
    }

    @Test func theOptionChoosesEnglish() throws {
        let result = try Self.run("build", try Self.brokenChineseSite(), ["--diagnostics-language", "en"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(Self.path):5:1: error: attendence: unknown field; did you mean \"attendance\"?\n"), "\(result.stderr)")
        #expect(result.stderr.contains("Build failed: 1 error; nothing was written."))
        #expect(!DiagnosticCatalogTests.hasCJK(result.stderr.replacingOccurrences(of: Self.path, with: "")), "\(result.stderr)")
    }

    @Test func theOptionChoosesChineseForAnEnglishSite() throws {
        let result = try Self.run("check", try BrokenContentTests.brokenSite(), ["--diagnostics-language", "zh-CN"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("communities/oak-court/meeting:1:1: error: “meeting” 不是存放记录的文件夹；您是不是想写 “meetings”？\n"),
                "\(result.stderr)")
        let bad = try Self.run("check", try BrokenContentTests.brokenSite(), ["--diagnostics-language", "fr"])
        #expect(bad.status != 0 && bad.stderr.contains("diagnostics-language"), "\(bad.stderr)")
    }

    @Test func jsonGivesTheCodeAndBothMessages() throws {
        let result = try Self.run("check", try Self.brokenChineseSite(), ["--diagnostics", "json"])
        #expect(result.status == 1)
        let line = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix("{") })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["code"] as? String == "field-unknown")
        #expect(object["message"] as? String == "未知字段；您是不是想写 “attendance”？")
        #expect(object["message_en"] as? String == "unknown field; did you mean \"attendance\"?")
        #expect(object["field"] as? String == "attendence")
    }
}
