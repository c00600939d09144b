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

/// Folders of the repository, found from this file's own path.
enum Repo {
    /// `<repo>/Tests/BulletinEngineTests/Support/TestSite.swift` → `<repo>`.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let templates = root.appendingPathComponent("Templates")
    static let fixtures = root.appendingPathComponent("Tests/BulletinEngineTests/Fixtures")
}

/// The fixed "today" of every test build: 23 November 2026.
let testToday = SimpleDate(year: 2026, month: 11, day: 23)

/// A content folder in a fresh temporary folder, removed when the value goes away.
/// Made from a fixture under `Fixtures/<name>` or from a dictionary of path → text.
final class TestSite {
    /// The temporary folder; holds `content/` and the default output `public/`.
    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    var output: URL { root.appendingPathComponent("public") }

    private init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("bulletin-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// A copy of `Fixtures/<name>`, so a test may change it freely.
    static func fixture(_ name: String) throws -> TestSite {
        let site = try TestSite()
        try FileManager.default.copyItem(at: Repo.fixtures.appendingPathComponent(name), to: site.content)
        return site
    }

    /// A content folder holding exactly `files` (content-relative path → text).
    static func files(_ files: [String: String]) throws -> TestSite {
        let site = try TestSite()
        try FileManager.default.createDirectory(at: site.content, withIntermediateDirectories: true)
        for (path, text) in files { try site.write(path, text) }
        return site
    }

    func url(_ path: String) -> URL { content.appendingPathComponent(path) }

    func write(_ path: String, _ text: String) throws {
        try write(path, bytes: Array(text.utf8))
    }

    func write(_ path: String, bytes: [UInt8]) throws {
        let url = url(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: url(path))
    }

    func options(output: URL? = nil, includeDrafts: Bool = false) -> BuildOptions {
        BuildOptions(content: content, templates: Repo.templates, output: output ?? self.output,
                     includeDrafts: includeDrafts, moment: .date(testToday))
    }

    /// Builds with the repository's real theme; a failed build is reported as a test issue.
    @discardableResult
    func build(output: URL? = nil, includeDrafts: Bool = false,
               sourceLocation: SourceLocation = #_sourceLocation) throws -> BuiltSite {
        let options = options(output: output, includeDrafts: includeDrafts)
        do {
            let report = try Builder(options: options).build()
            return BuiltSite(folder: options.output, report: report, owner: self)
        } catch {
            let lines = error.diagnostics.map(\.description).joined(separator: "\n")
            Issue.record("the build failed:\n\(lines)", sourceLocation: sourceLocation)
            throw error
        }
    }

    /// Builds expecting failure; returns every diagnostic as `path:line:column: error: field: message`.
    func failures(output: URL? = nil, includeDrafts: Bool = false,
                  sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        do {
            _ = try Builder(options: options(output: output, includeDrafts: includeDrafts)).build()
            Issue.record("the build succeeded, but it was expected to fail", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// `check()` expecting failure; returns every diagnostic line.
    func checkFailures(includeDrafts: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        do {
            _ = try Builder(options: options(includeDrafts: includeDrafts)).check()
            Issue.record("check() succeeded, but it was expected to fail", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }
}

extension TestSite {
    /// The English fixture site, built.
    static func builtEnglishSite(includeDrafts: Bool = false) throws -> BuiltSite {
        try fixture("en-site").build(includeDrafts: includeDrafts)
    }
}

/// An output folder written by a build.
struct BuiltSite {
    let folder: URL
    let report: BuildReport
    /// Keeps the temporary folder alive while the output is read.
    let owner: TestSite?

    init(folder: URL, report: BuildReport, owner: TestSite? = nil) {
        self.folder = folder
        self.report = report
        self.owner = owner
    }

    /// The output file at a site-relative path, as text.
    func read(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let url = folder.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no output file \(path)", sourceLocation: sourceLocation)
            throw MissingFile(path: path)
        }
        return String(decoding: data, as: UTF8.self)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
    }

    /// Every file of the output (hidden ones included), site-relative, sorted.
    var files: [String] { OutputTree.files(in: folder) }

    var htmlFiles: [String] { files.filter { $0.hasSuffix(".html") } }
}

struct MissingFile: Error { let path: String }

enum OutputTree {
    /// Every regular file below `folder`, as sorted relative paths.
    static func files(in folder: URL) -> [String] {
        let base = folder.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isDirectory),
               !isDirectory.boolValue { found.append(relative) }
        }
        return found.sorted()
    }

    /// Path → bytes of every file, to compare two trees exactly.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var tree: [String: Data] = [:]
        for path in files(in: folder) {
            tree[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
        }
        return tree
    }
}
