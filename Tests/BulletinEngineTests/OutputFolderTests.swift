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

@Suite("Output folder: replaced whole, never clobbered")
struct OutputFolderTests {
    static let brokenMeeting = "---\ntitle: Broken\nformat: bnch\noutcome: agreed\n---\n"

    @Test func aFailedBuildLeavesThePreviousSiteUntouched() throws {
        let site = try TestSite.fixture("en-site")
        let good = try site.build()
        let before = OutputTree.snapshot(good.folder)
        #expect(before[".bulletin-output"] != nil)

        try site.write("communities/hilltop/meetings/2024-03-01-broken.md", Self.brokenMeeting)
        let failures = site.failures()
        #expect(failures == [
            "communities/hilltop/meetings/2024-03-01-broken.md:3:9: error: format: found \"bnch\", did you mean \"bench\"? expected one of: bench, pavilion, roundtable, council, joint, hearing, mediation, drill, assembly, other",
        ])
        #expect(OutputTree.snapshot(good.folder) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted() == [".public.cache", ".public.lock", "content", "public"],
                "nothing left beside the output but the build cache and lock")
    }

    @Test func aRebuildRemovesThePageOfADeletedRecord() throws {
        let site = try TestSite.fixture("en-site")
        let stale = "communities/hilltop/meetings/parking-bench/index.html"
        #expect(try site.build().exists(stale))
        try site.remove("communities/hilltop/meetings/2024-02-10-parking-bench.md")
        let rebuilt = try site.build()
        #expect(!rebuilt.exists(stale))
        #expect(!rebuilt.exists("communities/hilltop/meetings/parking-bench"))
        #expect(try LinkChecker.brokenLinks(in: rebuilt) == [])
    }

    @Test func aFolderNotMadeByBulletinIsRefused() throws {
        let site = try TestSite.fixture("en-site")
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data("my notes".utf8).write(to: site.output.appendingPathComponent("keep.txt"))
        #expect(site.failures() == [
            "\(site.output.path):1:1: error: this folder exists and was not made by bulletin (no .bulletin-output file), so it will not be replaced; choose an empty or new output folder",
        ])
        #expect(OutputTree.files(in: site.output) == ["keep.txt"])
    }

    @Test func anEmptyExistingFolderIsUsed() throws {
        let site = try TestSite.fixture("en-site")
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        #expect(try site.build().exists("index.html"))
    }

    @Test func aFileInPlaceOfTheOutputFolderIsRefused() throws {
        let site = try TestSite.fixture("en-site")
        try Data("not a folder".utf8).write(to: site.output)
        #expect(site.failures().count == 1)
        #expect(try String(contentsOf: site.output, encoding: .utf8) == "not a folder")
    }

    @Test func anOutputInsideTheContentFolderIsRefused() throws {
        let site = try TestSite.fixture("en-site")
        let inside = site.content.appendingPathComponent("public")
        let content = site.content.resolvingSymlinksInPath().path
        #expect(site.failures(output: inside) == [
            "\(inside.path):1:1: error: the output folder overlaps the content folder \(content); choose a separate folder such as Public/",
        ])
        #expect(!FileManager.default.fileExists(atPath: inside.path))
    }

    @Test func theContentFolderItselfIsRefusedAsOutput() throws {
        let site = try TestSite.fixture("en-site")
        let before = OutputTree.snapshot(site.content)
        #expect(site.failures(output: site.content).count == 1)
        #expect(OutputTree.snapshot(site.content) == before)
    }

    @Test func anOutputHoldingTheTemplatesIsRefused() throws {
        let site = try TestSite.fixture("en-site")
        // The repository folder contains Templates/: replacing it would delete the theme.
        let failures = site.failures(output: Repo.root)
        #expect(failures.count == 1)
        #expect(failures.first?.contains("overlaps the templates folder") == true)
    }
}
