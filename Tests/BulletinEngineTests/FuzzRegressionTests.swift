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

/// Inputs the libFuzzer target in `Fuzz/` found (see `Fuzz/README.md`), kept in
/// `Fixtures/fuzz-regressions/`: every one goes through both fuzz entries quickly.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let folder = Repo.fixtures.appendingPathComponent("fuzz-regressions")
    static let names: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".bin") }.sorted()

    static func bytes(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    @Test func theFolderHoldsTheFindings() {
        #expect(Self.names.count >= 4)
    }

    /// A hang comes back as a failure after a minute rather than a stuck test run.
    @Test(.timeLimit(.minutes(1)), arguments: names)
    func everyFindingRunsQuicklyThroughBothEntries(_ name: String) throws {
        let data = try Self.bytes(name)
        let seconds = Robust.seconds {
            FuzzEntry.parseRecord(data)
            FuzzEntry.renderMarkdown(data)
        }
        #expect(seconds < 2, "\(name) took \(seconds) s")
    }

    /// A token scan run before parsing took `  "repair`, the continuation of a plain value, for
    /// an opening quote and skipped the lines after it, and libyaml skips a BOM at the start of
    /// any line, so aliases written after one were not where the scan looked; the billion laughs
    /// then reached Yams with an alias as a flow-mapping key, whose duplicate-key check hashed
    /// its 9^9 nodes (a hang). Read from libyaml's own events, the first anchor is refused
    /// wherever it stands.
    @Test func anAliasHiddenFromATokenScanIsStillRefused() throws {
        let data = try Self.bytes("yaml-guard-bypass-bom-lines.bin")
        let yaml = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .dropFirst().prefix(while: { $0 != "---" }).joined(separator: "\n") + "\n"
        let site = try Robust.meetingSite(frontMatter: yaml)
        var failures: [String] = []
        let seconds = Robust.seconds { failures = site.failures() }
        #expect(failures.count == 1)
        #expect(failures.first?.contains("error: anchors (&name) and aliases (*name) are not supported in front matter") == true, "\(failures)")
        #expect(seconds < 5, "took \(seconds) s")
        Robust.expectNothingWritten(site)
    }

    /// cmark 0.30.2 walks back over every open `![` each time a link closes: 64 KB of `![[]()`
    /// took 0.6 s to render twice, 512 KB a minute. Past the budget the `[` is escaped.
    @Test func imageOpenersCannotMakeCmarkQuadratic() throws {
        let unit = "![[]()"
        let text = String(repeating: unit, count: 8 * 10_833)  // 512 KB
        var html = ""
        let seconds = Robust.seconds { html = MarkdownRenderer(allowRawHTML: false).render(text).html }
        #expect(seconds < 5, "took \(seconds) s")
        #expect(html.hasPrefix("<p>![<a href=\"\"></a>![<a href=\"\"></a>"))
    }

    @Test func realImagesAreUntouchedBelowTheBudget() {
        let text = String(repeating: "![photo](a.jpg) [link](b.html)\n", count: 500)
        #expect(MarkdownRenderer.boundingImageBrackets(text) == text)
        #expect(MarkdownRenderer(allowRawHTML: false).render(text).html.contains("<img src=\"a.jpg\" alt=\"photo\" />"))
    }
}
