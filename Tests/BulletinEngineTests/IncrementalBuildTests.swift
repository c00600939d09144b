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

/// Builds that reuse the cache beside the output give exactly what a build from scratch
/// gives, whatever changed in between; and they touch only what changed.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    /// Builds `site` incrementally into its output and from scratch into a fresh folder, and
    /// expects the same files with the same bytes and the same folders.
    @discardableResult
    static func expectSameAsFullBuild(_ site: TestSite, templates: URL = Repo.templates, moment: BuildMoment = .date(testToday),
                                      _ note: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> BuildReport {
        var options = site.options()
        options.templates = templates
        options.moment = moment
        let report = try Builder(options: options).build()
        let reference = try TemporaryFolder()
        options.output = reference.url.appendingPathComponent("full")
        options.useCache = false
        _ = try Builder(options: options).build()
        let incremental = OutputTree.snapshot(site.output), full = OutputTree.snapshot(options.output)
        #expect(incremental.count == full.count && incremental == full,
                "\(note): differs from a full build in \(Set(incremental.keys).symmetricDifference(full.keys).sorted().prefix(5)) \(full.keys.filter { incremental[$0] != full[$0] }.sorted().prefix(5))",
                sourceLocation: sourceLocation)
        #expect(folders(in: site.output) == folders(in: options.output), "\(note): the folders differ", sourceLocation: sourceLocation)
        return report
    }

    static func folders(in root: URL) -> [String] {
        let base = root.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var found: [String] = []
        while let path = walker.nextObject() as? String {
            if walker.fileAttributes?[.type] as? FileAttributeType == .typeDirectory { found.append(path) }
        }
        return found.sorted()
    }

    static let meeting = "communities/riverside/meetings/2024-03-05-lift-round-1.md"

    @Test func aBuildWithNothingChangedWritesNothing() throws {
        let site = try TestSite.fixture("en-site")
        try site.build()
        let stampsBefore = Self.stamps(site.output)
        let report = try site.build().report
        #expect(report.pagesWritten == 0 && report.pagesRendered == 0)
        #expect(Self.stamps(site.output) == stampsBefore, "a file of the output was touched")
    }

    @Test func anUnchangedBuildStillReportsItsWarnings() throws {
        let site = try Robust.site([Robust.meetingPath: "---\ntitle: Roof\nformat: bench\nstatus: scheduled\n---\n"])
        let first = try site.build().report
        #expect(first.diagnostics.map(\.field) == ["status"], "\(first.diagnostics)")
        let second = try site.build().report
        #expect(second.diagnostics == first.diagnostics)
        #expect(second.pagesWritten == 0 && second.files == first.files)
    }

    /// Once every file is older than the two seconds in which a stamp is not trusted, an
    /// unchanged build does not even rewrite the cache.
    @Test func anUnchangedBuildLeavesTheCacheAlone() throws {
        let site = try TestSite.fixture("en-site")
        try site.build()
        Thread.sleep(forTimeInterval: 2.2)
        try site.build()
        let cache = site.root.appendingPathComponent(".public.cache/state")
        let before = try #require(FileStamp(of: cache))
        #expect(try site.build().report.pagesWritten == 0)
        #expect(FileStamp(of: cache) == before)
    }

    @Test func editingOneReportRendersOnlyThePagesThatShowIt() throws {
        let site = try TestSite.fixture("en-site")
        let first = try site.build().report
        try Robust.edit(site.url(Self.meeting), replacing: "stops between floors", with: "stops between the third and fourth floors")
        let report = try Self.expectSameAsFullBuild(site, "body edit")
        // Its own page, its problem's page, the lists and tag pages that show its summary,
        // the community and home pages, the feeds and the sitemap: not the whole site.
        // The edit is in the first paragraph, which lists show as the summary.
        #expect(report.pagesRendered > 1 && report.pagesRendered < first.files / 2, "\(report.pagesRendered) of \(first.files) rendered")
        let again = try site.build().report
        #expect(again.pagesWritten == 0)
    }

    /// Lists, feeds and linked pages show a report's fields and its summary, not the rest of
    /// its body: an edit below the first paragraph changes one page.
    @Test func anEditBelowTheSummaryRendersOnlyTheReportsOwnPage() throws {
        let site = try TestSite.fixture("en-site")
        try site.build()
        try Robust.edit(site.url(Self.meeting), replacing: "promised a quote.", with: "promised a quote by Friday.")
        let report = try Self.expectSameAsFullBuild(site, "an edit below the first paragraph")
        #expect(report.pagesRendered == 1, "\(report.pagesRendered) rendered")
        let page = try BuiltSite(folder: site.output, report: report).read("communities/riverside/meetings/lift-round-1/index.html")
        #expect(page.contains("promised a quote by Friday."))

        // A summary written in the front matter stands in for the first paragraph.
        try Robust.edit(site.url(Self.meeting), replacing: "round: 1\n", with: "round: 1\nsummary: \"The lift stops.\"\n")
        #expect(try Self.expectSameAsFullBuild(site, "a summary field added").pagesRendered > 1)
        try Robust.edit(site.url(Self.meeting), replacing: "stops between floors", with: "stops between the third and fourth floors")
        #expect(try Self.expectSameAsFullBuild(site, "the first paragraph edited under a summary field").pagesRendered == 1)
    }

    @Test func editsAddsDeletesAndRenamesMatchAFullBuild() throws {
        let site = try TestSite.fixture("en-site")
        try site.build()
        try Robust.edit(site.url(Self.meeting), replacing: "title: \"Lift in building 3, round 1\"", with: "title: \"Lift, first round\"")
        try Self.expectSameAsFullBuild(site, "title edit")
        try Robust.edit(site.url(Self.meeting), replacing: "tags: [\"Lift\", \"building 3\"]", with: "tags: [\"Repairs\"]")
        try Self.expectSameAsFullBuild(site, "tags moved to a new tag")
        try site.write("communities/riverside/meetings/2024-07-01-lift-round-3.md",
                       "---\ntitle: Lift, round 3\nformat: council\nproblems: [lift-building-3]\noutcome: agreed\ntags: [Lift]\n---\nThe lift was repaired.\n")
        try Self.expectSameAsFullBuild(site, "a record added, linked from its problem, on a new list page")
        try FileManager.default.moveItem(at: site.url(Self.meeting), to: site.url("communities/riverside/meetings/2023-12-01-lift-first.md"))
        try Self.expectSameAsFullBuild(site, "a record renamed, so it moves to another page of its lists")
        try site.remove("communities/riverside/meetings/2024-07-01-lift-round-3.md")
        try Self.expectSameAsFullBuild(site, "a record deleted")
        try site.remove("communities/riverside/meetings/2024-05-18-lift-round-2")
        try Self.expectSameAsFullBuild(site, "a bundle deleted, with its files")
        try Robust.edit(site.url("communities/riverside/problems/lift-building-3.md"), replacing: "title: ", with: "title: Still ")
        let retitled = try Self.expectSameAsFullBuild(site, "a problem retitled: the pages of the meetings about it show its title")
        #expect(retitled.pagesRendered > 2, "\(retitled.pagesRendered) rendered")
        try Robust.edit(site.url("communities/riverside/problems/lift-building-3.md"), replacing: "title:", with: "draft: true\ntitle:")
        try Self.expectSameAsFullBuild(site, "a problem made a draft")
        try Robust.edit(site.url("communities/riverside/community.md"), replacing: "Riverside Community", with: "Riverside Gardens")
        try Self.expectSameAsFullBuild(site, "a community renamed")
    }

    @Test func siteThemeAndDateChangesMatchAFullBuild() throws {
        let site = try TestSite.fixture("en-site")
        try site.build()
        try Robust.edit(site.url("site.yml"), replacing: "page_size: 2", with: "page_size: 3")
        try Self.expectSameAsFullBuild(site, "page size changed")
        try Robust.edit(site.url("site.yml"), replacing: "Test Town Bulletin", with: "Test Town News")
        try Self.expectSameAsFullBuild(site, "site title changed")
        try Robust.edit(site.url("pages/about.md"), replacing: "menu: 2\n", with: "")
        try Self.expectSameAsFullBuild(site, "a free page taken out of the menu")
        try site.write("media/notice.txt", "A different notice.\n")
        try Self.expectSameAsFullBuild(site, "a media file replaced")
        try site.write("communities/riverside/meetings/2024-05-18-lift-round-2/sign-in-sheet.txt", "Other names.\n")
        try Self.expectSameAsFullBuild(site, "a bundle file replaced")

        let theme = try TemporaryFolder()
        let templates = theme.url.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: Repo.templates, to: templates)
        try Self.expectSameAsFullBuild(site, templates: templates, "the same theme from another folder")
        try Robust.edit(templates.appendingPathComponent("partials/record-item.mustache"), replacing: "{{title}}", with: "{{title}}!")
        let report = try Self.expectSameAsFullBuild(site, templates: templates, "a partial edited")
        #expect(report.pagesRendered > report.files / 2, "a template change re-renders the pages it touches")
        try Robust.edit(templates.appendingPathComponent("strings/en.yml"), replacing: "Communities", with: "Neighbourhoods")
        try Self.expectSameAsFullBuild(site, templates: templates, "a theme string changed")
        try Data("body { color: black }\n".utf8).write(to: templates.appendingPathComponent("assets/style.css"))
        try Self.expectSameAsFullBuild(site, templates: templates, "the style sheet changed")
        try Self.expectSameAsFullBuild(site, templates: templates, moment: .date(SimpleDate(year: 2027, month: 3, day: 1)),
                                       "a later day: the upcoming meeting has passed")
    }

    /// Templates the last build's swift-mustache read without an error are not read again; a
    /// template changed since is, so a mistake made after a good build is still reported.
    @Test func aTemplateBrokenAfterABuildIsStillReported() throws {
        let site = try TestSite.fixture("en-site")
        let (templates, owner) = try Robust.themeCopy()
        var options = site.options()
        options.templates = templates
        try withExtendedLifetime(owner) {
            _ = try Builder(options: options).build()
            let accepted = BuildCache.load(from: OutputFolder(site.output).cacheFile).last?.templates
            let (trusted, _) = Theme.load(from: templates, language: "en", accepted: accepted)
            #expect(trusted?.mustache.isParsed == false, "the templates the last build accepted were read again")
            #expect(trusted?.renderWithMustache("not_found", ["page_title": "Gone"]).contains("Gone") == true)

            try Robust.edit(templates.appendingPathComponent(RobustnessTemplateTests.meetingLayout), replacing: "{{/.summary}}", with: "{{/.summry}}")
            do {
                _ = try Builder(options: options).build()
                Issue.record("the build succeeded")
            } catch {
                let lines = Robust.lines(error)
                #expect(lines.count == 1 && lines.first?.hasPrefix("Templates/layouts/meeting.mustache:28:") == true, "\(lines)")
            }
        }
    }

    /// The spare shares files with the output through hard links; writing into the spare must
    /// never change a file of the live output, whose readers see the old site until the swap.
    @Test func writingTheSpareNeverTouchesTheLiveOutput() throws {
        let site = try TestSite.fixture("en-site")
        try site.build()
        // Each round changes another record, so it rewrites pages the previous round linked.
        let records = [Self.meeting, "communities/riverside/problems/bins-overflowing.md",
                       "communities/riverside/activities/2024-04-20-spring-clean.md", "communities/hilltop/problems/hill-road-parking.md"]
        for (round, path) in records.enumerated() {
            try site.write(path, try site.read(path) + "\nAdded in round \(round).\n")
            let live = OutputTree.snapshot(site.output)
            let checks = AtomicCounter()
            var options = site.options()
            let output = site.output
            options.beforeWrite = { _ in
                _ = checks.increment()
                if OutputTree.snapshot(output) != live { throw POSIXError(.EIO) }
            }
            _ = try Builder(options: options).build()
            #expect(checks.increment() > 1, "round \(round) wrote nothing")
        }
        try Self.expectSameAsFullBuild(site, "after writes into a linked spare")
    }

    /// A build from scratch writes its records in the order the folder lists them, the order
    /// the next build asks for them in, so that build reads the records file from start to end.
    @Test func recordsAreCachedInTheOrderTheFolderListsThem() throws {
        let site = try TestSite.fixture("en-site")
        try site.build()
        let cache = BuildCache.load(from: site.root.appendingPathComponent(".public.cache/state"))
        let stored = cache.storedRecords.sorted { $0.value.lowerBound < $1.value.lowerBound }
        let paths = stored.compactMap { cache.record($0.key)?.record.sourcePath }
        var scanner = ContentScanner(root: site.content)
        let listed = scanner.scan().records.map(\.file.path)
        #expect(paths.count > 5 && paths == listed.filter(Set(paths).contains), "\(paths.count) records: \(paths)")
    }

    @Test func aDamagedCacheCostsOnlyTime() throws {
        let site = try TestSite.fixture("en-site")
        try site.build()
        let cache = site.root.appendingPathComponent(".public.cache/state")
        var bytes = try Data(contentsOf: cache)
        for index in stride(from: 20, to: bytes.count, by: 97) { bytes[index] ^= 0x5A }
        try bytes.write(to: cache)
        try Robust.edit(site.url(Self.meeting), replacing: "promised a quote", with: "promised a quote by May")
        try Self.expectSameAsFullBuild(site, "after the cache was damaged")
        let records = RecordStore.file(beside: cache)
        var recordBytes = try Data(contentsOf: records)
        for index in stride(from: 5, to: recordBytes.count, by: 89) { recordBytes[index] ^= 0x5A }
        try recordBytes.write(to: records)
        try Robust.edit(site.url(Self.meeting), replacing: "by May", with: "by April")
        try Self.expectSameAsFullBuild(site, "after the records file was damaged")
        try Data().write(to: records)
        try Self.expectSameAsFullBuild(site, "after the records file was emptied")
        try Data().write(to: cache)
        try Self.expectSameAsFullBuild(site, "after the cache was emptied")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".public.cache"))
        try Self.expectSameAsFullBuild(site, "after the cache folder was deleted")
        try site.write("communities/riverside/meetings/2024-03-05-lift-round-1.md", "---\ntitle: Short\nformat: bench\noutcome: agreed\n---\nShort.\n")
        try FileManager.default.removeItem(at: site.output)
        try Self.expectSameAsFullBuild(site, "after the output was deleted")
    }

    /// A records file whose bytes changed on disk where they still read as a record (a title
    /// here) must not be trusted: its checksum no longer matches, so its records are set aside.
    @Test func aCacheChangedWhereItStillReadsIsNotTrusted() throws {
        let site = try TestSite.fixture("en-site")
        try site.build()
        let cache = RecordStore.file(beside: site.root.appendingPathComponent(".public.cache/state"))
        var bytes = [UInt8](try Data(contentsOf: cache))
        let title = Array("Parking on the hill road".utf8)
        let at = try #require(bytes.indices.first { bytes[$0...].starts(with: title) })
        bytes[at] = UInt8(ascii: "B")
        try Data(bytes).write(to: cache)
        try Robust.edit(site.url(Self.meeting), replacing: "promised a quote", with: "promised a quote by June")
        try Self.expectSameAsFullBuild(site, "after a title in the cache changed")
        let page = try String(contentsOf: site.output.appendingPathComponent("communities/hilltop/meetings/parking-bench/index.html"), encoding: .utf8)
        #expect(page.contains("Parking on the hill road"))
    }

    /// A folder whose stamp is as the last build found it is not read again; a file added to,
    /// removed from or renamed in a folder changes its stamp, so it is read and the change seen.
    @Test func foldersThatKeepTheirStampsAreNotReadAgain() throws {
        let site = try TestSite.fixture("en-site")
        let listed = Lines()
        var options = site.options()
        options.listDirectory = { folder in
            listed.add(folder.lastPathComponent)
            return FolderNames.list(folder)
        }
        Thread.sleep(forTimeInterval: 2.2)
        _ = try Builder(options: options).build()
        #expect(listed.all.count > 8, "\(listed.all)")
        #expect(FileManager.default.fileExists(atPath: OutputFolder(site.output).listingsFile.path))

        // One file edited in place: only the content folder itself (whose stamp is not taken) is read.
        let again = Lines()
        options.listDirectory = { folder in
            again.add(folder.lastPathComponent)
            return FolderNames.list(folder)
        }
        try site.write("communities/riverside/meetings/2024-03-05-lift-round-1.md",
                       try site.read("communities/riverside/meetings/2024-03-05-lift-round-1.md") + "\nEdited.\n")
        _ = try Builder(options: options).build()
        #expect(again.all == ["content"], "\(again.all)")

        // Files added (one to a bundle), removed and renamed: their folders are read again.
        let added = Lines()
        options.listDirectory = { folder in
            added.add(folder.lastPathComponent)
            return FolderNames.list(folder)
        }
        try site.write("communities/hilltop/meetings/2024-06-09-new-bench.md",
                       "---\ntitle: New bench\nformat: bench\noutcome: agreed\n---\nA new one.\n")
        try FileManager.default.removeItem(at: site.url("communities/riverside/activities/2024-04-20-spring-clean.md"))
        try FileManager.default.moveItem(at: site.url("communities/riverside/problems/bins-overflowing.md"),
                                         to: site.url("communities/riverside/problems/bins-overflowing-again.md"))
        let bundle = "communities/riverside/meetings/2024-05-18-lift-round-2/"
        try site.write(bundle + "agenda.txt", "1. The lift.\n")
        _ = try Builder(options: options).build()
        #expect(Set(added.all).isSuperset(of: ["meetings", "activities", "problems", "2024-05-18-lift-round-2"]), "\(added.all)")
        try Self.expectSameAsFullBuild(site, "after a file was added, one removed and one renamed")
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("communities/hilltop/meetings/new-bench/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("communities/riverside/activities/spring-clean/index.html").path))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("communities/riverside/problems/bins-overflowing-again/index.html").path))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("communities/riverside/meetings/lift-round-2/agenda.txt").path))
    }

    /// Files left alone for more than two seconds are told unchanged by their stamps alone, and
    /// the build stops before reading any; a change to one is still seen.
    @Test func aBuildWhoseFilesKeepTheirStampsStopsBeforeReadingThem() throws {
        let site = try TestSite.fixture("en-site")
        Thread.sleep(forTimeInterval: 2.2)
        let first = try site.build()
        let before = OutputTree.snapshot(first.folder)
        let lines = Lines()
        _ = try Builder(options: site.options(), log: { lines.add($0) }).build()
        #expect(lines.all.contains("[2/5] Nothing changed since the last build (no file's stamp changed)"), "\(lines.all)")
        #expect(OutputTree.snapshot(first.folder) == before)

        // The same length, so only the file's times and content tell the change; old enough
        // for its stamp to be trusted.
        try Robust.edit(site.url(Self.meeting), replacing: "promised a quote", with: "promised a QUOTE")
        Thread.sleep(forTimeInterval: 2.2)
        let edited = Lines()
        _ = try Builder(options: site.options(), log: { edited.add($0) }).build()
        #expect(!edited.all.contains { $0.hasPrefix("[2/5] Nothing changed") }, "\(edited.all)")
        try Self.expectSameAsFullBuild(site, "after an edit of the same length")
        // A file younger than two seconds: its stamp is not trusted, so the inputs are compared.
        try Robust.edit(site.url(Self.meeting), replacing: "promised a QUOTE", with: "promised a quote")
        try Self.expectSameAsFullBuild(site, "right after another edit")
        let again = Lines()
        _ = try Builder(options: site.options(), log: { again.add($0) }).build()
        #expect(again.all.contains("[2/5] Nothing changed since the last build"), "\(again.all)")
    }

    /// Many random changes in a row, each build compared with a full build.
    @Test func randomChangesMatchAFullBuildEveryTime() throws {
        var files = Robust.base
        for i in 0..<24 {
            files["communities/c/meetings/2024-\(Self.two(i % 12 + 1))-\(Self.two(i % 28 + 1))-m\(i).md"] = Self.meetingText(i, title: "Meeting \(i)")
        }
        let site = try TestSite.files(files)
        try site.build()
        var generator = SeededGenerator(seed: 7)
        for step in 0..<12 {
            let existing = OutputTree.files(in: site.content).filter { $0.hasPrefix("communities/c/meetings/") }
            switch Int.random(in: 0..<6, using: &generator) {
            case 0:
                let path = existing.randomElement(using: &generator)!
                try site.write(path, Self.meetingText(step, title: "Edited \(step)"))
            case 4:
                let path = existing.randomElement(using: &generator)!
                try site.write(path, try site.read(path) + "\nA paragraph added at step \(step).\n")
            case 5:
                let path = existing.randomElement(using: &generator)!
                let text = try site.read(path)
                try site.write(path, text.replacingOccurrences(of: "\n---\n", with: "\n---\nA first paragraph from step \(step).\n\n"))
            case 1: try site.write("communities/c/meetings/2025-0\(step % 9 + 1)-0\(step % 9 + 1)-new\(step).md",
                                   Self.meetingText(step, title: "New \(step)"))
            case 2: if existing.count > 3 { try site.remove(existing.randomElement(using: &generator)!) }
            default:
                let path = existing.randomElement(using: &generator)!
                let text = try site.read(path)
                try site.remove(path)
                try site.write("communities/c/meetings/2023-0\(step % 9 + 1)-1\(step % 9)-moved\(step).md", text)
            }
            try Self.expectSameAsFullBuild(site, "random step \(step)")
        }
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func meetingText(_ n: Int, title: String) -> String {
        "---\ntitle: \(title)\nformat: bench\noutcome: agreed\ntags: [t\(n % 3)]\n---\nBody \(n): \(title).\n"
    }

    static func stamps(_ folder: URL) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for path in OutputTree.files(in: folder) {
            var info = stat()
            if stat(folder.appendingPathComponent(path).path, &info) == 0 { stamps[path] = FileStamp(info) }
        }
        return stamps
    }
}

/// Progress lines a build logs, gathered from any thread.
final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
