import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The output folder under hostile timing: builds killed at random moments and builds
/// racing into the same folder. The output is always one complete site, never a mix.
@Suite("Killed and concurrent builds", .serialized,
       .enabled(if: CLI.executable != nil, "the bulletin executable has not been built"))
struct KillTests {
    /// A site of `records` meetings whose titles and bodies carry `label`, so two sites
    /// differ in almost every file (and, with different counts, in their file lists).
    static func writeSite(at content: URL, label: String, records: Int) throws {
        var files = Robust.base
        let paragraph = String(repeating: "Residents of the \(label) estate talked it through. ", count: 30)
        for i in 0..<records {
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            let name = "2024-\(two(1 + i % 12))-\(two(1 + i % 28))-meeting-\(i)"
            files["communities/c/meetings/\(name).md"] = "---\ntitle: \(label) meeting \(i)\nformat: bench\noutcome: agreed\ntags: [t\(i % 7)]\n---\n"
                + "\(label) body \(i).\n\n" + paragraph + "\n\n" + paragraph + "\n"
        }
        for (path, text) in files {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    static func arguments(content: URL, output: URL) -> [String] {
        ["build", "--content", content.path, "--templates", Repo.templates.path, "--output", output.path, "--now", "2026-11-23"]
    }

    /// Starts the CLI with its output discarded.
    static func start(_ arguments: [String], in folder: URL) throws -> Process {
        let process = Process()
        let url: URL = try #require(CLI.executable)
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "SOURCE_DATE_EPOCH")
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func complete(_ arguments: [String], in folder: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try CLI.run(arguments, in: folder)
        #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
    }

    /// Which reference the output equals, or a short account of how it differs from both.
    static func match(_ tree: [String: Data], _ references: [(String, [String: Data])]) -> Result<String, MismatchError> {
        for (name, reference) in references where tree == reference { return .success(name) }
        let (name, reference) = references[0]
        let missing = Set(reference.keys).subtracting(tree.keys).sorted()
        let extra = Set(tree.keys).subtracting(reference.keys).sorted()
        let changed = reference.keys.filter { tree[$0] != nil && tree[$0] != reference[$0] }.sorted()
        return .failure(MismatchError(description: "\(tree.count) files; vs \(name): \(missing.count) missing \(missing.prefix(3)), \(extra.count) extra \(extra.prefix(3)), \(changed.count) changed \(changed.prefix(3))"))
    }

    struct MismatchError: Error, CustomStringConvertible { let description: String }

    /// Two content folders that differ in almost every page, each built once as a reference.
    static func twoSites(in root: URL, records: (Int, Int)) throws -> (URL, URL, [(String, [String: Data])]) {
        let contentA = root.appendingPathComponent("a"), contentB = root.appendingPathComponent("b")
        try writeSite(at: contentA, label: "Alder", records: records.0)
        try writeSite(at: contentB, label: "Birch", records: records.1)
        try complete(arguments(content: contentA, output: root.appendingPathComponent("ref-a")), in: root)
        try complete(arguments(content: contentB, output: root.appendingPathComponent("ref-b")), in: root)
        return (contentA, contentB, [("A", OutputTree.snapshot(root.appendingPathComponent("ref-a"))),
                                     ("B", OutputTree.snapshot(root.appendingPathComponent("ref-b")))])
    }

    @Test func aBuildKilledAtAnyMomentLeavesOneCompleteSite() throws {
        let folder = try TemporaryFolder()
        let root = folder.url
        let (contentA, contentB, references) = try Self.twoSites(in: root, records: (100, 110))
        let (snapA, snapB) = (references[0].1, references[1].1)
        #expect(snapA.count > 100 && snapB.count > 110 && snapA != snapB)

        let output = root.appendingPathComponent("site")
        var fullBuild = 0.0
        fullBuild = try Robust.seconds { try Self.complete(Self.arguments(content: contentA, output: output), in: root) }
        #expect(OutputTree.snapshot(output) == snapA)

        // Delays cover the whole build, commit included, whatever this machine's speed; if no
        // build gets to finish (the machine got slower), the range is stretched.
        var longest = max(0.3, min(fullBuild * 1.5, 3))
        var random = SeededGenerator(seed: 20_261_123)
        var finished = 0, killed = 0
        let started = DispatchTime.now()
        for i in 0..<36 {
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            if elapsed > 22 { break }
            if i >= 8, finished == 0 { longest = min(longest * 1.5, 6) }
            let content = i % 2 == 0 ? contentB : contentA
            let delay = Double.random(in: 0...longest, using: &random)
            let process = try Self.start(Self.arguments(content: content, output: output), in: root)
            usleep(useconds_t(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .exit {
                #expect(process.terminationStatus == 0, "iteration \(i) failed on its own")
                finished += 1
            } else {
                killed += 1
            }
            if case .failure(let mismatch) = Self.match(OutputTree.snapshot(output), references) {
                Issue.record("iteration \(i), killed after \(Int(delay * 1000)) ms: the output is neither complete site: \(mismatch)")
            }
        }
        #expect(finished + killed >= 10, "only \(finished + killed) builds in 22 s")
        // Some builds must have been cut short and some finished, or the test proved nothing.
        #expect(killed > 0 && finished > 0, "\(killed) killed, \(finished) finished (full build \(fullBuild) s)")

        try Self.complete(Self.arguments(content: contentA, output: output), in: root)
        #expect(OutputTree.snapshot(output) == snapA)
        #expect(Robust.leftovers(beside: output) == [])
    }

    @Test func twoBuildsIntoOneFolderTakeTurns() throws {
        let folder = try TemporaryFolder()
        let root = folder.url
        let (contentA, contentB, references) = try Self.twoSites(in: root, records: (60, 70))
        let output = root.appendingPathComponent("site")
        // Round 1 into a new folder, round 2 into the folder round 1 made.
        for round in 1...2 {
            let first = try Self.start(Self.arguments(content: contentA, output: output), in: root)
            let second = try Self.start(Self.arguments(content: contentB, output: output), in: root)
            first.waitUntilExit()
            second.waitUntilExit()
            #expect(first.terminationStatus == 0 && second.terminationStatus == 0,
                    "round \(round): exit \(first.terminationStatus) and \(second.terminationStatus)")
            if case .failure(let mismatch) = Self.match(OutputTree.snapshot(output), references) {
                Issue.record("round \(round): the output is neither complete site: \(mismatch)")
            }
            #expect(Robust.leftovers(beside: output) == [])
        }
    }
}
