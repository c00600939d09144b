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

/// Whatever happens between builds to the output or to the spare tree beside it (a file
/// deleted, emptied or overwritten in place, replaced, or one added), the next build gives
/// what a build from scratch gives (issue 17: a damaged spare was published with exit 0).
@Suite("Damaged trees")
struct DamagedTreeTests {
    /// A page that no edit in these tests changes: both trees hold it, as one file.
    static let page = "about/index.html"

    enum Damage: String, CaseIterable, Sendable {
        case spareFileDeleted, spareFileEmptied, spareFileOverwritten, strayFileInSpare
        case outputFileDeleted, outputFileEmptied, outputFileReplaced, strayFilesInOutput, strayFolderInOutput
        /// The cache's state lost, so neither tree is known, and an empty folder added to the output.
        case cacheLostAndStrayFolder

        /// The output and the spare share unchanged files (one file under two names), so what
        /// is done to one shows in the other's stamp: even a name removed changes the file's
        /// change time.
        var showsInOutput: Bool { self != .strayFileInSpare && self != .cacheLostAndStrayFolder }

        /// Found and reported; a lost cache is not damage to report, every file is written again.
        var isReported: Bool { self != .cacheLostAndStrayFolder }

        /// A build with nothing changed can stop early: the damage is not in the output.
        var leavesOutputAsItIs: Bool { self == .strayFileInSpare }

        func apply(to site: TestSite) throws {
            let spare = OutputFolder(site.output).spareFolder.path + "/"
            let output = site.output.path + "/"
            switch self {
            case .spareFileDeleted: try Self.check(unlink(spare + DamagedTreeTests.page))
            case .spareFileEmptied: try Self.check(truncate(spare + DamagedTreeTests.page, 0))
            case .spareFileOverwritten: try Self.overwriteInPlace(spare + DamagedTreeTests.page)
            case .strayFileInSpare: try Data("stray\n".utf8).write(to: URL(fileURLWithPath: spare + "communities/stray.html"))
            case .outputFileDeleted: try Self.check(unlink(output + DamagedTreeTests.page))
            case .outputFileEmptied: try Self.check(truncate(output + DamagedTreeTests.page, 0))
            case .outputFileReplaced:
                let size = try #require(FileStamp(of: URL(fileURLWithPath: output + DamagedTreeTests.page))).size
                try Data(repeating: UInt8(ascii: "r"), count: size).write(to: URL(fileURLWithPath: output + DamagedTreeTests.page), options: .atomic)
            case .strayFilesInOutput:
                try Data("stray\n".utf8).write(to: URL(fileURLWithPath: output + "stray.txt"))
                try FileManager.default.createDirectory(atPath: output + "communities/riverside/notes", withIntermediateDirectories: false)
                try Data("notes\n".utf8).write(to: URL(fileURLWithPath: output + "communities/riverside/notes/index.html"))
            case .strayFolderInOutput:
                try FileManager.default.createDirectory(atPath: output + "communities/hilltop/meetings/empty", withIntermediateDirectories: false)
            case .cacheLostAndStrayFolder:
                try FileManager.default.removeItem(at: OutputFolder(site.output).cacheFile)
                try FileManager.default.createDirectory(atPath: output + "communities/extra/empty", withIntermediateDirectories: true)
            }
        }

        /// Other bytes of the same length, written into the same file.
        private static func overwriteInPlace(_ path: String) throws {
            let descriptor = open(path, O_WRONLY)
            try check(descriptor >= 0 ? 0 : -1)
            defer { close(descriptor) }
            let size = Int(lseek(descriptor, 0, SEEK_END))
            try [UInt8](repeating: UInt8(ascii: "x"), count: size).withUnsafeBytes { try FileWriter.writeAll($0, to: descriptor, at: 0) }
        }

        private static func check(_ result: Int32) throws {
            if result != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }
    }

    /// Built, edited and built again, so the spare exists and shares the unchanged files with
    /// the output. `settled`: the edit is more than two seconds old when the second build
    /// starts, so that build records the inputs' stamps and the next stops after the scan.
    static func siteWithSpare(settled: Bool = false) throws -> TestSite {
        let site = try TestSite.fixture("en-site")
        try site.build()
        try edit(site, round: 0)
        if settled { Thread.sleep(forTimeInterval: 2.2) }
        try site.build()
        return site
    }

    static func edit(_ site: TestSite, round: Int) throws {
        let path = IncrementalBuildTests.meeting
        try site.write(path, try site.read(path) + "\nEdited in round \(round).\n")
    }

    /// Builds `site` and compares its output with a build from scratch; returns the lines logged.
    @discardableResult
    static func buildAndCompare(_ site: TestSite, _ note: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let lines = Lines()
        _ = try Builder(options: site.options(), log: { lines.add($0) }).build()
        let reference = try TemporaryFolder()
        var options = site.options(output: reference.url.appendingPathComponent("full"))
        options.useCache = false
        _ = try Builder(options: options).build()
        let incremental = OutputTree.snapshot(site.output), full = OutputTree.snapshot(options.output)
        let missingOrAdded = Set(incremental.keys).symmetricDifference(full.keys).sorted()
        let differing = full.keys.filter { incremental[$0] != nil && incremental[$0] != full[$0] }.sorted()
        #expect(missingOrAdded.isEmpty && differing.isEmpty,
                "\(note): files missing or added \(missingOrAdded), files that differ \(differing)", sourceLocation: sourceLocation)
        #expect(IncrementalBuildTests.folders(in: site.output) == IncrementalBuildTests.folders(in: options.output),
                "\(note): the folders differ", sourceLocation: sourceLocation)
        return lines.all
    }

    /// The case and its kin: damage, then edits and builds. The damage is found by the
    /// first build that would have used the damaged file, and never comes back.
    @Test(arguments: Damage.allCases)
    func editsAfterDamageMatchAFullBuild(_ damage: Damage) throws {
        let site = try Self.siteWithSpare()
        try damage.apply(to: site)
        var found: [String] = []
        for round in 1...3 {
            try Self.edit(site, round: round)
            found += try Self.buildAndCompare(site, "\(damage), edit \(round)").filter { $0.hasPrefix("Found ") }
        }
        // Strays in the output leave with it, and are found when it comes back as the spare.
        #expect(found.isEmpty == !damage.isReported, "\(damage): \(found)")
    }

    /// Trees no one touched are never reported changed: the stamps the build records stay true
    /// through its own links and removals, which change the change time of files the two
    /// trees share.
    @Test func untouchedTreesAreNeverReportedChanged() throws {
        let site = try TestSite.fixture("en-site")
        try site.build()
        let meeting = IncrementalBuildTests.meeting, original = try site.read(meeting)
        let steps: [(String, () throws -> Void)] = [
            ("an edit", { try Self.edit(site, round: 1) }),
            ("another edit", { try Self.edit(site, round: 2) }),
            ("the meeting as it was", { try site.write(meeting, original) }),
            ("a title edit", { try Robust.edit(site.url(meeting), replacing: "title: ", with: "title: New ") }),
            ("the meeting as it was again", { try site.write(meeting, original) }),
            ("a record added", { try site.write("communities/hilltop/meetings/2024-06-09-new-bench.md",
                                                "---\ntitle: New bench\nformat: bench\noutcome: agreed\n---\nA new one.\n") }),
            ("a record removed", { try site.remove("communities/riverside/activities/2024-04-20-spring-clean.md") }),
            ("the new record removed", { try site.remove("communities/hilltop/meetings/2024-06-09-new-bench.md") }),
            ("nothing", {}),
            ("an edit after all that", { try Self.edit(site, round: 3) }),
        ]
        for (note, step) in steps {
            try step()
            let lines = try Self.buildAndCompare(site, note)
            #expect(!lines.contains { $0.hasPrefix("Found ") }, "\(note): \(lines)")
        }
    }

    /// With nothing changed, the build must still not leave a damaged output as it is: both
    /// ways of stopping early (stamps unchanged, or inputs unchanged) check the output first.
    @Test(arguments: Damage.allCases, [true, false])
    func buildsWithNothingChangedAfterDamageMatchAFullBuild(_ damage: Damage, settled: Bool) throws {
        let site = try Self.siteWithSpare(settled: settled)
        try damage.apply(to: site)
        let lines = try Self.buildAndCompare(site, "\(damage), nothing changed")
        let found = lines.contains { $0.hasPrefix("Found ") }
        #expect(found == (damage.showsInOutput && damage.isReported), "\(damage): \(lines)")
        #expect(lines.contains { $0.hasPrefix("[2/5] Nothing changed") } == damage.leavesOutputAsItIs, "\(damage): \(lines)")
        try Self.buildAndCompare(site, "\(damage), nothing changed, again")
        for round in 1...2 {
            try Self.edit(site, round: round)
            try Self.buildAndCompare(site, "\(damage), then edit \(round)")
        }
    }

    /// A change no page shows (a draft added) leaves every fingerprint as it was, so the build
    /// would keep the output as it is: it must check it first.
    @Test(arguments: Damage.allCases)
    func aChangeNoPageShowsAfterDamageMatchesAFullBuild(_ damage: Damage) throws {
        let site = try Self.siteWithSpare()
        try damage.apply(to: site)
        try site.write("communities/riverside/meetings/2024-09-09-draft.md",
                       "---\ntitle: Not yet\nformat: bench\noutcome: agreed\ndraft: true\n---\nLater.\n")
        let lines = try Self.buildAndCompare(site, "\(damage), a draft added")
        #expect(lines.contains { $0.hasPrefix("[4/5] Nothing changed") } == damage.leavesOutputAsItIs, "\(damage): \(lines)")
        try Self.edit(site, round: 1)
        try Self.buildAndCompare(site, "\(damage), a draft added, then an edit")
    }
}
