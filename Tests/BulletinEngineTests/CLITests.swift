import Foundation
import Testing

/// The `bulletin` executable, as built by `swift build` / `swift test` beside the test bundle.
enum CLI {
    static let executable: URL? = {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("bulletin"),
            Repo.root.appendingPathComponent(".build/debug/bulletin"),
        ] + (Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent().appendingPathComponent("bulletin") })
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], in folder: URL, environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        let url: URL = try #require(executable)
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "SOURCE_DATE_EPOCH")
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting, so a full pipe cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

@Suite("Command line", .enabled(if: CLI.executable != nil, "the bulletin executable has not been built"))
struct CLITests {
    @Test func aBrokenSiteExitsWithOneAndPrintsEveryDiagnostic() throws {
        let site = try BrokenContentTests.brokenSite()
        let result = try CLI.run(["build", "--content", site.content.path, "--templates", Repo.templates.path,
                                  "--output", site.output.path, "--now", "2026-11-23"], in: site.root)
        #expect(result.status == 1)
        for mistake in BrokenContentTests.mistakes {
            #expect(result.stderr.contains(mistake.diagnostic + "\n"), "missing: \(mistake.diagnostic)")
        }
        #expect(result.stderr.contains("Build failed: \(BrokenContentTests.mistakes.count) errors; nothing was written."))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func jsonDiagnosticsAreOneObjectPerLine() throws {
        let site = try BrokenContentTests.brokenSite()
        let result = try CLI.run(["check", "--content", site.content.path, "--templates", Repo.templates.path,
                                  "--diagnostics", "json", "--now", "2026-11-23"], in: site.root)
        #expect(result.status == 1)
        let objects = result.stderr.split(separator: "\n").filter { $0.hasPrefix("{") }
        #expect(objects.count == BrokenContentTests.mistakes.count)
        for line in objects {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["severity"] as? String == "error")
            #expect(object?["path"] is String && object?["line"] is Int && object?["column"] is Int)
        }
    }

    @Test func aGoodSiteBuildsWithExitZero() throws {
        let site = try TestSite.fixture("en-site")
        let result = try CLI.run(["build", "--content", site.content.path, "--templates", Repo.templates.path,
                                  "--output", site.output.path, "--now", "2026-11-23"], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }

    @Test func newRefusesToOverwrite() throws {
        let site = try TestSite.fixture("en-site")
        let arguments = ["new", "meeting", "riverside", "Lift repair, round 3", "--content", site.content.path, "--now", "2026-11-23"]
        let first = try CLI.run(arguments, in: site.root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasSuffix("communities/riverside/meetings/2026-11-23-lift-repair-round-3.md\n"))
        let second = try CLI.run(arguments, in: site.root)
        #expect(second.status == 1)
        #expect(second.stderr.contains("already exists; it was left untouched"))
    }

    /// `new` names a meeting by today's date; "today" is the site's day (time_zone), as for
    /// the build. 2024-05-17 20:00 UTC is already 18 May in Shanghai.
    @Test func newDatesTheFileInTheSiteTimeZone() throws {
        let site = try TestSite.fixture("zh-site")
        let result = try CLI.run(["new", "meeting", "青友园", "夜间议事会", "--content", site.content.path], in: site.root,
                                 environment: ["SOURCE_DATE_EPOCH": "1715976000"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("communities/青友园/meetings/2024-05-18-夜间议事会.md\n"), "\(result.stdout)")
    }
}
