import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BulletinContent
@testable import BulletinEngine
@testable import BulletinIncremental
@testable import BulletinModel
@testable import BulletinOutput
@testable import BulletinRender
@testable import BulletinSite
@testable import BulletinSupport

/// Whatever makes a build fail, the previous site stays exactly as it was, and a build never
/// replaces or writes into a folder that is not its own.
@Suite("Output safety")
struct OutputSafetyTests {
    enum Failure: String, CaseIterable, Sendable {
        case badContent, templateError, diskFull, permissionDenied
    }

    /// Makes the next build of `site` fail for `reason`; returns the options to build with.
    static func breakBuild(_ site: TestSite, _ reason: Failure, theme: URL) throws -> BuildOptions {
        var options = site.options()
        switch reason {
        case .badContent:
            try site.write("communities/hilltop/meetings/2024-03-01-broken.md", OutputFolderTests.brokenMeeting)
        case .templateError:
            try FileManager.default.copyItem(at: Repo.templates, to: theme)
            try Robust.edit(theme.appendingPathComponent("layouts/page.mustache"), replacing: "}}", with: "")
            options.templates = theme
        case .diskFull, .permissionDenied:
            // A change, so the build has pages to write (an unchanged site writes nothing).
            try site.write("communities/hilltop/meetings/2024-03-01-new.md", "---\ntitle: A new meeting\nformat: bench\noutcome: agreed\n---\nText.\n")
            let code: POSIXErrorCode = reason == .diskFull ? .ENOSPC : .EACCES
            let counter = AtomicCounter()
            options.beforeWrite = { _ in
                if counter.increment() == 5 { throw POSIXError(code) }
            }
        }
        return options
    }

    @Test(arguments: Failure.allCases)
    func aFailedBuildLeavesThePreviousSiteByteIdentical(_ reason: Failure) throws {
        let site = try TestSite.fixture("en-site")
        let before = OutputTree.snapshot(try site.build().folder)
        let cacheFolder = OutputFolder(site.output).cacheFolder
        let cacheBefore = try Data(contentsOf: OutputFolder(site.output).cacheFile)
        let extra = try TemporaryFolder()
        let options = try Self.breakBuild(site, reason, theme: extra.url.appendingPathComponent("Templates"))
        var diagnostics: [Diagnostic] = []
        do {
            _ = try Builder(options: options).build()
            Issue.record("the build succeeded")
        } catch {
            diagnostics = error.diagnostics
        }
        #expect(!diagnostics.isEmpty)
        #expect(OutputTree.snapshot(site.output) == before, "the previous output changed")
        // The next cache is written while pages render; a failed build leaves the old one.
        #expect(try Data(contentsOf: OutputFolder(site.output).cacheFile) == cacheBefore, "the cache changed")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).filter { $0.hasPrefix(".") } == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted() == [".public.cache", ".public.lock", "content", "public"],
                "something was left beside the output")
        if reason == .diskFull || reason == .permissionDenied {
            let expected = reason == .diskFull ? "No space left on device" : "Permission denied"
            #expect(diagnostics.count == 1)
            #expect(diagnostics.first?.message.hasPrefix("could not write ") == true, "\(diagnostics)")
            #expect(diagnostics.first?.message.contains(expected) == true, "\(diagnostics)")
        }
    }

    /// The write failure names a site-relative output path (`communities/hilltop/index.html`),
    /// which reads like a content file; it should name the output folder it was writing.
    @Test func aWriteFailureNamesTheOutputFolder() throws {
        let site = try TestSite.fixture("en-site")
        var options = site.options()
        options.beforeWrite = { path in if path == "communities/index.html" { throw POSIXError(.ENOSPC) } }
        var lines: [String] = []
        do { _ = try Builder(options: options).build() } catch { lines = error.diagnostics.map(\.description) }
        #expect(lines.count == 1)
        #expect(lines.first?.contains("could not write ") == true, "\(lines)")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        #expect(Robust.leftovers(beside: site.output) == [])
        #expect(lines.first?.hasPrefix(site.output.path) == true, "\(lines)")
    }

    /// A killed build can leave the cache it was writing; the next build removes it.
    @Test func aCacheAKilledBuildWasWritingIsRemoved() throws {
        let site = try TestSite.fixture("en-site")
        try site.build()
        let leftover = OutputFolder(site.output).cacheFolder.appendingPathComponent(CacheFileWriter.temporaryPrefix + "99999")
        try Data("half a cache".utf8).write(to: leftover)
        try site.build()
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }

    /// A killed build can leave a spare folder it was making; the next build removes it.
    @Test func aSpareAKilledBuildWasMakingIsRemoved() throws {
        let site = try TestSite.fixture("en-site")
        try site.build()
        let cache = OutputFolder(site.output).cacheFolder
        let leftover = cache.appendingPathComponent(OutputFolder.freshSparePrefix + "99999")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: leftover.appendingPathComponent("index.html"))
        try site.write("pages/about.md", try site.read("pages/about.md") + "\nChanged.\n")
        try site.build()
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).sorted() == ["folders", "spare", "state", "state.records"])
    }

    /// Where the file system has the flag (ext4), the folder the spare is made in is marked as
    /// the top of a hierarchy, so a new tree is not placed among the inodes of one just deleted.
    @Test func theSpareIsMadeInAFolderMarkedAsTopOfAHierarchy() throws {
        let site = try TestSite.fixture("en-site")
        let probe = site.root.appendingPathComponent("probe")
        try FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)
        guard TopDirectoryFlag.set(on: probe.path) else { return }  // not a file system that has it
        try site.build()
        #expect(TopDirectoryFlag.isSet(on: OutputFolder(site.output).cacheFolder.path))
        #expect(try site.build().exists("index.html"))
    }

    /// On a really full disk every later file fails too: one line each, hundreds of them.
    @Test func aFullDiskIsReportedOnce() throws {
        let site = try TestSite.fixture("en-site")
        var options = site.options()
        let counter = AtomicCounter()
        options.beforeWrite = { _ in if counter.increment() >= 5 { throw POSIXError(.ENOSPC) } }
        var lines: [String] = []
        do { _ = try Builder(options: options).build() } catch { lines = error.diagnostics.map(\.description) }
        #expect(!lines.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        #expect(Robust.leftovers(beside: site.output) == [])
        #expect(lines.count == 1, "\(lines.count) lines")
    }

    /// `--output ~`: a folder full of someone's files is never replaced.
    @Test func aNonEmptyFolderWithoutTheMarkerIsRefusedAndUntouched() throws {
        let site = try TestSite.fixture("en-site")
        let home = site.root.appendingPathComponent("home")
        for (path, text) in [".bashrc": "alias ll='ls -l'", "Documents/letter.txt": "Dear…", "Public/index.html": "<p>mine</p>", "notes.md": "# notes"] {
            let url = home.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let before = OutputTree.snapshot(home)
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()
        #expect(site.failures(output: home) == [
            "\(home.path):1:1: error: this folder exists and was not made by bulletin (no .bulletin-output file), so it will not be replaced; choose an empty or new output folder",
        ])
        #expect(OutputTree.snapshot(home) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted() == beside, "no lock or staging folder beside it")
    }

    @Test func aFolderHoldingOnlyHiddenFilesIsRefused() throws {
        let site = try TestSite.fixture("en-site")
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data("[core]".utf8).write(to: site.output.appendingPathComponent(".gitconfig"))
        #expect(site.failures().count == 1)
        #expect(OutputTree.files(in: site.output) == [".gitconfig"])
    }

    @Test func anOutputInsideTheTemplatesIsRefused() throws {
        let (templates, owner) = try Robust.themeCopy()
        let site = try TestSite.fixture("en-site")
        var options = site.options(output: templates.appendingPathComponent("public"))
        options.templates = templates
        let before = OutputTree.snapshot(templates)
        var lines: [String] = []
        withExtendedLifetime(owner) {
            do { _ = try Builder(options: options).build() } catch { lines = Robust.lines(error) }
        }
        #expect(lines == [
            "\(templates.appendingPathComponent("public").path):1:1: error: the output folder overlaps the templates folder \(templates.resolvingSymlinksInPath().path); choose a separate folder such as Public/",
        ])
        #expect(OutputTree.snapshot(templates) == before)
    }

    @Test func anOutputDeepInsideTheContentIsRefused() throws {
        let site = try TestSite.fixture("en-site")
        let inside = site.content.appendingPathComponent("communities/hilltop/public")
        let before = OutputTree.snapshot(site.content)
        #expect(site.failures(output: inside) == [
            "\(inside.path):1:1: error: the output folder overlaps the content folder \(site.content.resolvingSymlinksInPath().path); choose a separate folder such as Public/",
        ])
        #expect(OutputTree.snapshot(site.content) == before)
    }

    @Test func anOutputContainingTheContentIsRefused() throws {
        let site = try TestSite.fixture("en-site")
        let before = OutputTree.snapshot(site.root)
        #expect(site.failures(output: site.root) == [
            "\(site.root.standardizedFileURL.path):1:1: error: the output folder overlaps the content folder \(site.content.resolvingSymlinksInPath().path); choose a separate folder such as Public/",
        ])
        #expect(OutputTree.snapshot(site.root) == before)
    }

    @Test func anOutputReachedThroughALinkIntoTheContentIsRefused() throws {
        let site = try TestSite.fixture("en-site")
        let link = site.root.appendingPathComponent("out")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: site.content.appendingPathComponent("media").path)
        let before = OutputTree.snapshot(site.content)
        #expect(site.failures(output: link).count == 1)
        #expect(OutputTree.snapshot(site.content) == before)
    }

    /// The same link, but the output is a folder below it that does not exist yet:
    /// `resolvingSymlinksInPath` returns a path that does not exist unresolved, so the check
    /// passes and the site is written into content/media/new/.
    @Test func aNewOutputBelowALinkIntoTheContentIsRefused() throws {
        let site = try TestSite.fixture("en-site")
        let link = site.root.appendingPathComponent("out")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: site.content.appendingPathComponent("media").path)
        let before = OutputTree.snapshot(site.content)
        let succeeded = (try? Builder(options: site.options(output: link.appendingPathComponent("new/site"))).build()) != nil
        #expect(!succeeded)
        #expect(OutputTree.snapshot(site.content) == before, "the content folder changed")
    }

    /// `Public → /var/www/site`: the exchange swaps the link itself, so the link becomes a
    /// folder and the folder it pointed at is never updated.
    @Test func anOutputThatIsALinkUpdatesTheFolderItPointsAt() throws {
        let site = try TestSite.fixture("en-site")
        let www = site.root.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: www, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.output.path, withDestinationPath: www.path)
        try site.build()
        try site.build()
        let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: site.output.path)) != nil
        #expect(isLink, "the link was replaced by a folder")
        #expect(FileManager.default.fileExists(atPath: www.appendingPathComponent("index.html").path), "www/ was not written")
    }

    @Test func leftoversOfAKilledBuildAreRemovedByTheNextBuild() throws {
        let site = try TestSite.fixture("en-site")
        try site.build()
        for name in [".public.staging-99999", ".public.previous-99999"] {
            let url = site.root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data("half".utf8).write(to: url.appendingPathComponent("index.html"))
        }
        // A folder of the user's whose name merely resembles ours is kept.
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("public.staging-mine"), withIntermediateDirectories: true)
        try site.build()
        #expect(Robust.leftovers(beside: site.output) == [])
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("public.staging-mine").path))
    }
}

/// `chattr +T` and `lsattr`, for the test above.
enum TopDirectoryFlag {
    static let (get, set, flag): (UInt, UInt, Int32) = (0x8008_6601, 0x4008_6602, 0x0002_0000)

    static func flags(_ path: String) -> Int32? {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var flags: Int32 = 0
        return ioctl(descriptor, get, &flags) == 0 ? flags : nil
    }

    static func isSet(on path: String) -> Bool { (flags(path) ?? 0) & flag != 0 }

    static func set(on path: String) -> Bool {
        guard var flags = flags(path) else { return false }
        let descriptor = open(path, O_RDONLY | O_DIRECTORY)
        defer { close(descriptor) }
        flags |= flag
        return ioctl(descriptor, set, &flags) == 0 && isSet(on: path)
    }
}
