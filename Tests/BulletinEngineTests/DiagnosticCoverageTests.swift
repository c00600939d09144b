import Foundation
import Testing
@testable import BulletinContent
@testable import BulletinEngine
@testable import BulletinModel

/// No diagnostic escapes the catalog: broken sites covering every stage (scanning, reading,
/// YAML, fields, links, the index, the theme, the output) give only diagnostics whose code is
/// registered, and whose Chinese holds Chinese and none of the catalog's English words.
@Suite("No diagnostic escapes the catalog")
struct DiagnosticCoverageTests {
    static let meetings = "communities/c/meetings"
    static let problems = "communities/c/problems"

    /// Broken content, each set of files added to the minimal site.
    static let contentCases: [[String: String]] = [
        ["notes.txt": "x", "pages/folder/a.md": "x", "pages/tags.md": "---\ntitle: T\n---\n", "communities/readme.txt": "x",
         "communities/d/meetings/2024-01-01-a.md": Robust.meeting, "\(meetings)/2024-01-02-bundle/photo.jpg": "x",
         "\(meetings)/roof.md": Robust.meeting, "\(problems)/index.md": Robust.problem, "\(problems)/Big Leak.md": Robust.problem,
         "\(meetings)/2024-02-30-x.md": Robust.meeting, "\(meetings)/notes.txt": "x"],
        ["\(meetings)/2024-01-03-empty.md": "", "\(meetings)/2024-01-04-a.md": "hello",
         "\(meetings)/2024-01-05-a.md": "---\ntitle: x\n", "\(meetings)/2024-01-06-a.md": "---\n- a\n- b\n---\n",
         "\(meetings)/2024-01-07-a.md": "---\ntitle: x\n\tformat: bench\n---\n",
         "\(meetings)/2024-01-08-a.md": "---\ntitle: \"abc\nformat: bench\n---\n",
         "\(meetings)/2024-01-09-a.md": "---\ntitle: &a x\n---\n",
         "\(meetings)/2024-01-10-a.md": "---\ntitle: x\ntags: [a, b\nformat: bench\n---\n",
         "\(meetings)/2024-01-11-a.md": "---\ntitle: x\n...\nmore: 1\n---\n",
         "\(meetings)/2024-01-12-a.md": "---\ntitle: Roof: round 2\nformat: bench\noutcome: agreed\n---\n",
         "\(meetings)/2024-01-13-a.md": "---\ntitle: x\nagenda: " + String(repeating: "[", count: 40) + "\n---\n",
         "\(meetings)/2024-01-14-a.md": "---\ntitle: x\ntitle: y\n---\n",
         "\(meetings)/2024-01-16-a.md": "---\ntitle: x\nformat: bench\noutcome: agreed\nsummary: a @b\nlocation: @x\n---\n"],
        ["\(meetings)/2024-01-20-a.md": """
            ---
            title: [a]
            format: [bench]
            outcome: agred
            attendance: many
            draft: maybe
            time: noon
            end_time: "25:00"
            tags: {a: 1}
            agenda: [[x]]
            decisions: text
            participants: [x]
            follow_up: many
            vote: 3
            locaton: x
            summary: "a\\x01"
            ? [a]
            : x
            ---

            """,
         "\(meetings)/2024-01-21-a.md": "---\ntitle: \"\"\nformat: bench\nstatus: held\ntime: \"19:00\"\nend_time: \"18:00\"\n---\n",
         "\(meetings)/2024-01-22-a.md": "---\ntitle: x\nformat: bench\noutcome: agreed\nvote: {for: 1, gainst: 2}\nparticipants:\n  - count: 3\n---\n",
         "\(problems)/leak.md": "---\ntitle: Leak\nraised: 2024-02-01\nstatus: resolved\nresolved: 2024-01-01\n---\n",
         "\(problems)/soon.md": "---\ntitle: Soon\nraised: soon\nstatus: open\n---\n"],
        ["\(meetings)/2024-02-01-a.md": Robust.meeting + "![plan](plan.png)\n",
         "\(meetings)/2024-02-02-b/index.md": Robust.meeting + "[a](../../x.pdf) [b](phot.jpg)\n",
         "\(meetings)/2024-02-02-b/photo.jpg": "x",
         "\(meetings)/2024-02-03-c.md": Robust.meeting + String(repeating: "> ", count: 40) + "deep\n",
         "\(meetings)/2024-02-04-d.md": "---\n" + Robust.meetingFields + "problems: [nope]\n---\n",
         "\(meetings)/2024-02-05-e.md": "---\ntitle: Later\nformat: bench\nstatus: scheduled\n---\n",
         "\(meetings)/2024-02-06-f.md": Robust.meeting, "\(meetings)/2024-02-06-f/index.md": Robust.meeting,
         "communities/c/conventions/rules.md": "---\ntitle: Rules\nadopted: 2024-01-01\nsupersedes: rules\n---\n",
         "communities/c/conventions/other.md": "---\ntitle: Other\nadopted: 2024-01-01\nsupersedes: rulez\n---\n"],
        ["site.yml": "title: x\nbase_url: example.org\ntime_zone: Mars/Base\npage_size: 0\nlanguage: zh-CN\n"],
        ["site.yml": "title: x\nlanguage: fr\n"],
        ["site.yml": "title: x\n", "\(meetings)/2024-03-01-a.md": "---\n" + Robust.meetingFields + "problems: [leak]\n---\n",
         "\(problems)/leak.md": "---\ntitle: Leak\nraised: 2024-02-01\nstatus: open\ndraft: true\n---\n"],
    ]

    /// Every diagnostic of a build of `site` (its warnings when it succeeds), with `change` made to its options.
    static func diagnostics(_ site: TestSite, _ change: (inout BuildOptions) -> Void = { _ in }) -> [Diagnostic] {
        var options = site.options()
        change(&options)
        // The site's folder is removed when it goes away, which must not be before the build.
        defer { withExtendedLifetime(site) {} }
        do { return try Builder(options: options).build().diagnostics } catch { return error.diagnostics }
    }

    static func collect() throws -> [Diagnostic] {
        var found: [Diagnostic] = []
        let broken = try BrokenContentTests.brokenSite()
        found += diagnostics(broken)
        for files in contentCases { found += diagnostics(try Robust.site(files)) }
        // Bytes that are not UTF-8 text, and links and pipes in the content folder.
        let bytes = try Robust.site()
        try bytes.write("\(meetings)/2024-04-01-a.md", bytes: [0xFF, 0xFE, 0x2D, 0x00])
        try bytes.write("\(meetings)/2024-04-02-a.md", bytes: Array("---\ntitle: a\0b\n---\n".utf8))
        try FileManager.default.createDirectory(at: bytes.url("media"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: bytes.url("media/gone").path, withDestinationPath: "nowhere")
        try FileManager.default.createSymbolicLink(atPath: bytes.url("media/out").path, withDestinationPath: "/tmp")
        try FileManager.default.createSymbolicLink(atPath: bytes.url("media/loop").path, withDestinationPath: "..")
        #expect(mkfifo(bytes.url("media/pipe").path, 0o600) == 0)
        found += diagnostics(bytes)
        found += try themeDiagnostics()
        // The output folder.
        let site = try Robust.site()
        found += diagnostics(site) { $0.output = site.content }
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: site.output.appendingPathComponent("keep.txt"))
        found += diagnostics(site)
        for (now, environment) in [("tomorrow", [:]), (nil, ["SOURCE_DATE_EPOCH": "soon"])] as [(String?, [String: String])] {
            do { _ = try BuildMoment.resolve(now: now, environment: environment) } catch { found += (error as? BuildFailed)?.diagnostics ?? [] }
        }
        return found
    }

    /// A copy of the theme with a broken template, a partial that is not there, a layout gone
    /// and a word missing from its strings.
    static func themeDiagnostics() throws -> [Diagnostic] {
        let (templates, owner) = try Robust.themeCopy()
        try Data("{{#a}}x{{/b}}\n".utf8).write(to: templates.appendingPathComponent("partials/broken.mustache"))
        try Data("{{> nowhere}}\n".utf8).write(to: templates.appendingPathComponent("partials/uses.mustache"))
        try Data("{{#a}}\n".utf8).write(to: templates.appendingPathComponent("partials/open.mustache"))
        try Data("x\0y".utf8).write(to: templates.appendingPathComponent("partials/nul.mustache"))
        try Data("{{x\n".utf8).write(to: templates.appendingPathComponent("partials/unclosed.mustache"))
        try FileManager.default.removeItem(at: templates.appendingPathComponent("layouts/tag.mustache"))
        try Robust.edit(templates.appendingPathComponent("strings/en.yml"), replacing: "\n  home:", with: "\n  homepage:")
        let site = try Robust.site()
        return withExtendedLifetime(owner) { diagnostics(site) { $0.templates = templates } }
    }

    @Test func everyDiagnosticIsInTheCatalogAndSaidInChinese() throws {
        let found = try Self.collect()
        // The English words of every template, between its placeholders: none may be left in Chinese.
        let english = DiagnosticKind.all.flatMap { kind in
            kind.english.split(separator: #/%\{\w+\}/#).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { $0.split(separator: " ").count >= 3 }
        }
        for diagnostic in found {
            let kind = DiagnosticKind.named(diagnostic.code)
            #expect(kind == diagnostic.kind && kind?.role == .diagnostic, "\(diagnostic.code) is not a registered diagnostic")
            #expect(diagnostic.code != DiagnosticKind.unexpected.code, "\(diagnostic)")
            let chinese = diagnostic.message(in: .chinese)
            #expect(DiagnosticCatalogTests.hasCJK(chinese) && !chinese.contains("%{"), "\(diagnostic.code): \(chinese)")
            for words in english where chinese.contains(words) {
                Issue.record("\(diagnostic.code) leaves \"\(words)\" in English: \(chinese)")
            }
        }
        let codes = Set(found.map(\.code))
        #expect(codes.count >= 75, "only \(codes.count) kinds reached: \(codes.sorted())")
    }

    @Test func newSaysWhatWentWrongInBothLanguages() throws {
        let site = try TestSite.fixture("en-site")
        for (kind, community, title) in [("meting", "riverside", "A"), ("meeting", "rivers", "A"), ("meeting", "riverside", "!!")] {
            do {
                _ = try NewRecord.create(kind: kind, community: community, title: title, content: site.content, today: testToday)
                Issue.record("expected a failure")
            } catch {
                #expect(DiagnosticCatalogTests.hasCJK(error.problem.text(in: .chinese)), "\(error.problem.text(in: .chinese))")
                #expect(error.description == error.problem.english)
            }
        }
    }
}
