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

/// Shared pieces of the robustness tests: a minimal site, refusal checks and a seeded RNG.
enum Robust {
    /// The smallest site that builds: one community, no records.
    static let base: [String: String] = [
        "site.yml": "title: Small\nbase_url: https://example.org/\n",
        "communities/c/community.md": "---\nname: C\nstreet: S\n---\n",
    ]

    /// The meeting most cases write into.
    static let meetingPath = "communities/c/meetings/2024-01-01-roof.md"
    static let meetingFields = "title: Roof\nformat: bench\noutcome: agreed\n"
    static let meeting = "---\n" + meetingFields + "---\n"
    static let problem = "---\ntitle: Leaking roof\nraised: 2024-01-01\nstatus: open\n---\n"

    static func site(_ files: [String: String] = [:]) throws -> TestSite {
        try TestSite.files(base.merging(files) { _, new in new })
    }

    /// The minimal site plus one meeting whose front matter is `yaml` (between the fences).
    static func meetingSite(frontMatter yaml: String, body: String = "") throws -> TestSite {
        try site([meetingPath: "---\n" + yaml + "---\n" + body])
    }

    /// The minimal site plus one file written as raw bytes.
    static func site(path: String, bytes: [UInt8]) throws -> TestSite {
        let site = try self.site()
        try site.write(path, bytes: bytes)
        return site
    }

    /// Expects the build to fail with exactly `expected` and to leave no output and nothing
    /// beside it (no staging folder, no lock: content errors stop the build before writing).
    static func expectRefused(_ site: TestSite, _ expected: [String],
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let failures = site.failures(sourceLocation: sourceLocation)
        #expect(failures == expected, sourceLocation: sourceLocation)
        expectNothingWritten(site, sourceLocation: sourceLocation)
    }

    static func expectNothingWritten(_ site: TestSite, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "an output folder was written",
                sourceLocation: sourceLocation)
        let beside = (try? FileManager.default.contentsOfDirectory(atPath: site.root.path)) ?? []
        #expect(beside.filter { $0 != "content" && $0 != ".public.lock" } == [],
                "left beside the output: \(beside)", sourceLocation: sourceLocation)
    }

    /// The diagnostic lines of a failed build caught as `any Error` (inside a closure).
    static func lines(_ error: any Error) -> [String] {
        (error as? BuildFailed)?.diagnostics.map(\.description) ?? ["not a BuildFailed: \(error)"]
    }

    /// Names beside an output folder that a build leaves while it runs or when it is killed.
    static func leftovers(beside output: URL) -> [String] {
        let name = output.lastPathComponent
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)) ?? []
        return names.filter { $0.hasPrefix(".\(name).staging-") || $0.hasPrefix(".\(name).previous-") }.sorted()
    }

    /// Runs `body` and returns how long it took, in seconds.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now()
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// A copy of a theme (the repository's) in a fresh folder named `Templates`, to break freely.
    /// The returned owner removes the folder when it goes away.
    static func themeCopy(of theme: URL = Repo.templates) throws -> (templates: URL, owner: TemporaryFolder) {
        let folder = try TemporaryFolder()
        let templates = folder.url.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: theme, to: templates)
        return (templates, folder)
    }

    /// Replaces the first occurrence of `old` with `new` in a text file; records an issue if absent.
    static func edit(_ file: URL, replacing old: String, with new: String,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        guard let range = text.range(of: old) else {
            Issue.record("\(file.lastPathComponent) does not contain \(old)", sourceLocation: sourceLocation)
            return
        }
        try Data(text.replacingCharacters(in: range, with: new).utf8).write(to: file)
    }
}

/// A temporary folder removed when the value goes away.
final class TemporaryFolder: @unchecked Sendable {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-robust-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}

/// SplitMix64: a tiny seeded generator, so "random" orders and delays are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A stable 64-bit hash of a string (FNV-1a), to derive per-folder seeds.
    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}

/// A counter shared by the build's parallel writers.
final class AtomicCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    /// Adds one and returns the new value.
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
