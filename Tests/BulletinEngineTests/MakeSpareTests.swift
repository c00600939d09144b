import Foundation
import Testing
@testable import BulletinEngine
@testable import BulletinModel

/// `BuildOptions.makeSpare`: the spare tree made ahead of the first edit, as the preview
/// server does after a build from scratch.
@Suite("Making the spare ahead of the first edit")
struct MakeSpareTests {
    @Test func theSpareIsMadeWithoutChangingTheSiteAndTheFirstEditWritesLittle() throws {
        let site = try TestSite.fixture("en-site")
        let first = try site.build().report
        #expect(!Builder.hasSpare(output: site.output))
        let before = OutputTree.snapshot(site.output)
        var options = site.options()
        options.makeSpare = true
        let made = try Builder(options: options).build()
        #expect(made.pagesRendered == 0 && made.pagesWritten == first.files)
        #expect(Builder.hasSpare(output: site.output))
        #expect(OutputTree.snapshot(site.output) == before, "the site is the same")
        let text = try site.read(IncrementalBuildTests.meeting)
        try site.write(IncrementalBuildTests.meeting, text + "\nOne more paragraph at the end.\n")
        let edit = try IncrementalBuildTests.expectSameAsFullBuild(site, "an edit after the spare was made")
        #expect(edit.pagesRendered == 1)
        #expect(edit.pagesWritten < first.files / 4, "the first edit wrote \(edit.pagesWritten) of \(first.files) files")
    }
}
