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

/// The real sample site gives the same bytes whatever order the file system lists names in,
/// whatever the machine's time zone, and whether "today" comes from --now or SOURCE_DATE_EPOCH.
@Suite("Robustness: reproducible builds of the sample site")
struct RobustDeterminismTests {
    static let sample = Repo.root.appendingPathComponent("Content")

    static func build(into output: URL, listDirectory: (@Sendable (URL) -> [String])? = nil) throws -> [String: Data] {
        var options = BuildOptions(content: sample, templates: Repo.templates, output: output, moment: .date(testToday))
        if let listDirectory { options.listDirectory = listDirectory }
        _ = try Builder(options: options).build()
        return OutputTree.snapshot(output)
    }

    static func names(_ url: URL) -> [String] {
        (try? FileManager().contentsOfDirectory(atPath: url.path)) ?? []
    }

    static func expectSame(_ a: [String: Data], _ b: [String: Data], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.keys.sorted() == b.keys.sorted(), "\(what): different files", sourceLocation: sourceLocation)
        let differing = a.keys.filter { b[$0] != nil && a[$0] != b[$0] }.sorted()
        #expect(differing.isEmpty, "\(what): \(differing.count) files differ, e.g. \(differing.prefix(5))", sourceLocation: sourceLocation)
    }

    /// Folder names are sorted by their UTF-8 bytes: the scanner's shortcut (the first 24
    /// bytes as three words) must agree with a plain byte comparison, prefixes and long shared
    /// beginnings included.
    @Test func namesAreSortedByTheirBytes() {
        var generator = SeededGenerator(seed: 24)
        let pieces = ["2024-05-18-", "2024-05-1", "roof-round-", "a", "é", "电梯", "-", "z", "0", "item-005700", ".md"]
        var names: [String] = ["", "2024-05-18-roof-round-6-and-more.md", "2024-05-18-roof-round-6-and-more", "2024-05-18-roof-round-6-and-mor"]
        for _ in 0..<400 {
            names.append((0..<Int.random(in: 1...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        let expected = names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        #expect(ContentScanner.inByteOrder(names.shuffled(using: &generator)) == expected)
    }

    @Test func theListingOrderDoesNotReachTheOutput() throws {
        let folder = try TemporaryFolder()
        let plain = try Self.build(into: folder.url.appendingPathComponent("plain"))
        // Each folder is shuffled with its own seed, so the order does not depend on the order of calls.
        let shuffled = try Self.build(into: folder.url.appendingPathComponent("shuffled")) { url in
            var random = SeededGenerator(seed: SeededGenerator.hash(url.standardizedFileURL.path) ^ 42)
            return Self.names(url).sorted().shuffled(using: &random)
        }
        let reversed = try Self.build(into: folder.url.appendingPathComponent("reversed")) { url in
            Self.names(url).sorted().reversed()
        }
        #expect(plain.count > 100)
        Self.expectSame(plain, shuffled, "shuffled listing")
        Self.expectSame(plain, reversed, "reversed listing")
    }

    /// 2026-11-22 20:00 UTC is already 23 November in Shanghai (the sample site's time zone),
    /// still 22 November in New York, and 23 November in Tokyo.
    static let epoch = "1795377600"
    /// 2026-11-22 12:00 UTC: 22 November in Shanghai, for the control build.
    static let dayBefore = "1795348800"

    @Test(.enabled(if: CLI.executable != nil, "the bulletin executable has not been built"))
    func theMachineTimeZoneAndTheSourceOfTodayDoNotMatter() throws {
        let folder = try TemporaryFolder()
        func build(_ name: String, now: Bool, environment: [String: String]) throws -> [String: Data] {
            let output = folder.url.appendingPathComponent(name)
            var arguments = ["build", "--content", Self.sample.path, "--templates", Repo.templates.path, "--output", output.path]
            if now { arguments += ["--now", "2026-11-23"] }
            let result = try CLI.run(arguments, in: folder.url, environment: environment)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            return OutputTree.snapshot(output)
        }
        let newYork = try build("new-york", now: true, environment: ["TZ": "America/New_York"])
        let tokyo = try build("tokyo", now: true, environment: ["TZ": "Asia/Tokyo"])
        let epochNewYork = try build("epoch-new-york", now: false, environment: ["TZ": "America/New_York", "SOURCE_DATE_EPOCH": Self.epoch])
        let epochKiritimati = try build("epoch-kiritimati", now: false, environment: ["TZ": "Pacific/Kiritimati", "SOURCE_DATE_EPOCH": Self.epoch])
        #expect(newYork.count > 100)
        Self.expectSame(newYork, tokyo, "TZ=Asia/Tokyo")
        Self.expectSame(newYork, epochNewYork, "SOURCE_DATE_EPOCH in New York")
        Self.expectSame(newYork, epochKiritimati, "SOURCE_DATE_EPOCH in Kiritimati")
        // Control: "today" does reach the output, so the comparisons above are not vacuous.
        let dayBefore = try build("day-before", now: false, environment: ["TZ": "Asia/Tokyo", "SOURCE_DATE_EPOCH": Self.dayBefore])
        #expect(dayBefore != newYork, "a different day should change the feeds' timestamps")
    }
}
