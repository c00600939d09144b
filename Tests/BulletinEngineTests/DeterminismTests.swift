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

@Suite("Reproducible builds")
struct DeterminismTests {
    @Test(arguments: ["en-site", "zh-site"])
    func theSameContentGivesByteIdenticalOutput(_ fixture: String) throws {
        let site = try TestSite.fixture(fixture)
        let first = try site.build(output: site.root.appendingPathComponent("one"))
        let second = try site.build(output: site.root.appendingPathComponent("two"))
        let a = OutputTree.snapshot(first.folder), b = OutputTree.snapshot(second.folder)
        #expect(a.count > 30)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, bytes) in a where b[path] != bytes {
            Issue.record("\(path) differs between two builds")
        }
    }

    @Test func rebuildingIntoTheSameFolderChangesNothing() throws {
        let site = try TestSite.fixture("en-site")
        let before = OutputTree.snapshot(try site.build().folder)
        let after = OutputTree.snapshot(try site.build().folder)
        #expect(before == after)
    }

    @Test func theOrderFilesWereCreatedInDoesNotMatter() throws {
        // Same files written in reverse order: directory listing order must not leak into output.
        let source = try TestSite.fixture("en-site")
        let paths = OutputTree.files(in: source.content)
        var files: [String: String] = [:]
        for path in paths { files[path] = try source.read(path) }
        let reversed = try TestSite.files([:])
        for path in paths.reversed() { try reversed.write(path, files[path]!) }
        let a = OutputTree.snapshot(try source.build().folder)
        let b = OutputTree.snapshot(try reversed.build().folder)
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a == b)
    }
}
