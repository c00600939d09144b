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

/// File names that clash or cannot be addresses, links on disk and links in Markdown.
@Suite("Robustness: names and links")
struct RobustnessNamesAndLinksTests {
    static let meetings = "communities/c/meetings/"
    static let problems = "communities/c/problems/"

    // MARK: Two files, one address

    @Test func twoDatedFilesWithTheSameSlugClash() throws {
        let site = try Robust.site([Self.meetings + "2023-01-01-x.md": Robust.meeting, Self.meetings + "2024-05-02-x.md": Robust.meeting])
        Robust.expectRefused(site, [
            "\(Self.meetings)2024-05-02-x.md:1:1: error: gives the same page address as \(Self.meetings)2023-01-01-x.md (both are \"x\" in meetings); rename one of them",
        ])
    }

    @Test func aFileAndABundleWithTheSameNameClash() throws {
        let site = try Robust.site([Self.meetings + "2023-01-01-x.md": Robust.meeting, Self.meetings + "2023-01-01-x/index.md": Robust.meeting])
        Robust.expectRefused(site, [
            "\(Self.meetings)2023-01-01-x/index.md:1:1: error: gives the same page address as \(Self.meetings)2023-01-01-x.md (both are \"x\" in meetings); rename one of them",
        ])
    }

    @Test func anUndatedFileAndBundleClash() throws {
        let site = try Robust.site([Self.problems + "x.md": Robust.problem, Self.problems + "x/index.md": Robust.problem])
        Robust.expectRefused(site, [
            "\(Self.problems)x/index.md:1:1: error: gives the same page address as \(Self.problems)x.md (both are \"x\" in problems); rename one of them",
        ])
    }

    static let nfc = "caf\u{E9}"
    static let nfd = "cafe\u{301}"

    /// Two different byte names on Linux that Swift compares as equal: the decomposed one is
    /// refused with the composed spelling to use, so there is never a clash of look-alikes.
    @Test func namesDifferingOnlyByNormalisationClash() throws {
        // Written one by one: as Swift dictionary keys the two names are the same key.
        let site = try Robust.site()
        try site.write(Self.problems + Self.nfc + ".md", Robust.problem)
        try site.write(Self.problems + Self.nfd + ".md", Robust.problem)
        let files = try FileManager.default.contentsOfDirectory(atPath: site.url(Self.problems).path)
        #expect(Set(files.map { Array($0.utf8) }).count == 2, "the file system should hold two distinct names")
        let failures = site.failures()
        #expect(failures.count == 1)
        #expect(failures.first?.hasPrefix(Self.problems + Self.nfd + ".md:1:1: error: the name is written with separate accent characters") == true, "\(failures)")
        Robust.expectNothingWritten(site)
        #expect(failures.first?.lowercased().contains("unicode") == true || failures.first?.contains("encoded") == true, "\(failures)")
    }

    /// Which of the two files is reported must not depend on the order the folder lists them:
    /// sorting by `sourcePath` sees the two names as equal.
    @Test func theNormalisationClashIsReportedTheSameWhateverTheListingOrder() throws {
        let site = try Robust.site()
        try site.write(Self.meetings + "2024-01-01-" + Self.nfc + ".md", Robust.meeting)
        try site.write(Self.meetings + "2024-01-01-" + Self.nfd + ".md", Robust.meeting)
        func failures(reversed: Bool) -> [[UInt8]] {
            var options = site.options()
            options.listDirectory = { url in
                let names = (try? FileManager().contentsOfDirectory(atPath: url.path)) ?? []
                let byBytes = names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
                return reversed ? byBytes.reversed() : byBytes
            }
            do {
                _ = try Builder(options: options).build()
                Issue.record("the build succeeded")
                return []
            } catch {
                return error.diagnostics.map { Array($0.description.utf8) }
            }
        }
        let forward = failures(reversed: false), backward = failures(reversed: true)
        #expect(forward.count == 1 && backward.count == 1)
        #expect(forward == backward)
    }

    /// Each community is fine on its own; together they claim the same pages. The clash is
    /// reported six times at output paths (`communities/café/index.html`), which are not files
    /// the author can rename.
    @Test func communityFoldersDifferingOnlyByNormalisationClashOnce() throws {
        let site = try Robust.site()
        try site.write("communities/\(Self.nfc)/community.md", "---\nname: A\nstreet: S\n---\n")
        try site.write("communities/\(Self.nfd)/community.md", "---\nname: B\nstreet: S\n---\n")
        let failures = site.failures()
        #expect(!failures.isEmpty)
        Robust.expectNothingWritten(site)
        #expect(failures.count == 1, "\(failures)")
        #expect(failures.allSatisfy { $0.hasPrefix("communities/") && !$0.contains(".html:") && !$0.contains(".xml:") }, "\(failures)")
    }

    // MARK: Names that cannot be addresses

    @Test func aDotDotSlugIsRefused() throws {
        let site = try Robust.site([Self.meetings + "2024-01-01-...md": Robust.meeting])
        Robust.expectRefused(site, [
            "\(Self.meetings)2024-01-01-...md:1:1: error: the file name \"..\" may only use lowercase letters, digits and \"-\"",
        ])
    }

    @Test func aSlugContainingDotDotIsRefusedWithASuggestion() throws {
        let site = try Robust.site([Self.problems + "x..y/index.md": Robust.problem])
        Robust.expectRefused(site, [
            "\(Self.problems)x..y:1:1: error: the file name \"x..y\" may only use lowercase letters, digits and \"-\"; rename it to \"x-y\"",
        ])
    }

    @Test func aSlugWithSpacesIsRefusedWithASuggestion() throws {
        let site = try Robust.site([Self.meetings + "2024-01-01-roof repair.md": Robust.meeting])
        Robust.expectRefused(site, [
            "\(Self.meetings)2024-01-01-roof repair.md:1:1: error: the file name \"roof repair\" may only use lowercase letters, digits and \"-\"; rename it to \"2024-01-01-roof-repair.md\"",
        ])
    }

    @Test(arguments: [
        ("communities/c/meetings/2024-01-01-index.md", Robust.meeting, "index", "2024-01-01-index-1.md"),
        ("communities/c/problems/page.md", Robust.problem, "page", "page-1.md"),
        ("communities/c/problems/feed/index.md", Robust.problem, "feed", "feed-1"),
        ("pages/index.md", "---\ntitle: P\n---\n", "index", "index-1.md"),
        ("pages/feed.md", "---\ntitle: P\n---\n", "feed", "feed-1.md"),
    ])
    func reservedNamesAreRefused(_ path: String, _ text: String, _ name: String, _ suggestion: String) throws {
        let site = try Robust.site([path: text])
        let reported = path.hasSuffix("/index.md") && path.hasPrefix("communities/") ? String(path.dropLast("/index.md".count)) : path
        Robust.expectRefused(site, [
            "\(reported):1:1: error: \"\(name)\" is reserved for the site's own pages; choose another name, e.g. \"\(suggestion)\"",
        ])
    }

    @Test func aReservedCommunityNameIsRefused() throws {
        let site = try Robust.site(["communities/index/community.md": "---\nname: I\nstreet: S\n---\n"])
        Robust.expectRefused(site, [
            "communities/index:1:1: error: \"index\" is reserved for the site's own pages; choose another name, e.g. \"index-1\"",
        ])
    }

    @Test(arguments: ["2023-02-29", "2024-13-01", "2024-04-31"])
    func aDateThatDoesNotExistIsRefused(_ date: String) throws {
        let site = try Robust.site([Self.meetings + date + "-x.md": Robust.meeting])
        Robust.expectRefused(site, [
            "\(Self.meetings)\(date)-x.md:1:1: error: the date \"\(date)\" in the file name does not exist; write a real date as YYYY-MM-DD",
        ])
    }

    /// Bytes that are not UTF-8 cannot be a page address; such a file was once left out without a word.
    @Test func aNameThatIsNotUTF8IsReported() throws {
        let site = try Robust.site()
        let folder = site.url(Self.meetings).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let name: [UInt8] = Array("2024-01-01-bad".utf8) + [0xFF] + Array("name.md".utf8)
        let descriptor = (Array(folder.utf8) + [UInt8(ascii: "/")] + name + [0]).withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(descriptor >= 0)
        _ = Robust.meeting.utf8CString.withUnsafeBufferPointer { write(descriptor, $0.baseAddress!, $0.count - 1) }
        close(descriptor)
        Robust.expectRefused(site, [
            "\(Self.meetings)2024-01-01-bad\u{FFFD}name.md:1:1: error: the name is not valid UTF-8 text (it shows as \"\u{FFFD}\" here), so it cannot be published; rename the file, retyping its name",
        ])
    }

    @Test func aLeapDayThatExistsBuilds() throws {
        let site = try Robust.site([Self.meetings + "2024-02-29-x.md": Robust.meeting])
        #expect(try site.build().exists("communities/c/meetings/x/index.html"))
    }

    // MARK: Links on disk

    static func link(_ site: TestSite, _ path: String, to destination: String) throws {
        let url = site.url(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
    }

    /// A file and a folder outside the content folder, with a secret in each.
    static func outside() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try Data("SECRET-FILE".utf8).write(to: folder.url.appendingPathComponent("secret.txt"))
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("dir"), withIntermediateDirectories: true)
        try Data("SECRET-DIR".utf8).write(to: folder.url.appendingPathComponent("dir/secret.txt"))
        try Data(Robust.meeting.utf8).write(to: folder.url.appendingPathComponent("record.md"))
        return folder
    }

    @Test(arguments: [
        ("media/secret.txt", "secret.txt"),
        ("media/dir", "dir"),
        ("communities/c/meetings/2024-01-01-x/secret.txt", "secret.txt"),
        ("communities/c/meetings/2024-01-01-y.md", "record.md"),
    ])
    func aLinkLeadingOutOfTheContentFolderIsNotFollowed(_ path: String, _ target: String) throws {
        let outside = try Self.outside()
        let site = try Robust.site([Self.meetings + "2024-01-01-x/index.md": Robust.meeting, "media/keep.txt": "keep"])
        let destination = outside.url.appendingPathComponent(target)
        try Self.link(site, path, to: destination.path)
        Robust.expectRefused(site, [
            "\(path):1:1: error: this is a link to \(destination.resolvingSymlinksInPath().path), outside the content folder; links are not followed out of it, copy the file in instead",
        ])
    }

    @Test func aRelativeLinkClimbingOutOfTheContentFolderIsNotFollowed() throws {
        let outside = try Self.outside()
        let site = try Robust.site()
        let destination = outside.url.appendingPathComponent("secret.txt")
        // content/media/rel.txt → ../../../<outside>/secret.txt
        try Self.link(site, "media/rel.txt", to: "../../../" + outside.url.lastPathComponent + "/secret.txt")
        #expect(site.root.deletingLastPathComponent().standardizedFileURL == outside.url.deletingLastPathComponent().standardizedFileURL)
        Robust.expectRefused(site, [
            "media/rel.txt:1:1: error: this is a link to \(destination.resolvingSymlinksInPath().path), outside the content folder; links are not followed out of it, copy the file in instead",
        ])
    }

    /// `resolvingSymlinksInPath` leaves a link to a missing file unresolved, so the check sees a
    /// path inside the content folder; the link itself is then copied into the output, still
    /// pointing outside. A file created there later would be served.
    @Test func aDanglingLinkOutOfTheContentFolderIsRefused() throws {
        let outside = try Self.outside()
        let site = try Robust.site()
        try Self.link(site, "media/later.txt", to: outside.url.appendingPathComponent("not-yet").path)
        let succeeded = (try? Builder(options: site.options()).build()) != nil
        #expect(!succeeded, "the build succeeded")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: site.output.appendingPathComponent("media/later.txt").path)) == nil,
                "the output holds a link out of the site")
    }

    @Test func aLinkToItselfIsReported() throws {
        let site = try Robust.site()
        try Self.link(site, "media/loop", to: "loop")
        let succeeded = (try? Builder(options: site.options()).build()) != nil
        #expect(!succeeded)
    }

    /// `media/self → .` makes the walk recurse until the system refuses (40 links deep) and
    /// publishes 40 nested copies of media/.
    @Test func aFolderLinkToItsOwnParentIsNotWalkedForever() throws {
        let site = try Robust.site(["media/logo.txt": "logo"])
        try Self.link(site, "media/self", to: ".")
        let built = try? Builder(options: site.options()).build()
        let published = OutputTree.files(in: site.output).filter { $0.hasPrefix("media/") }
        #expect(built == nil || published == ["media/logo.txt"], "\(published.count) media files: \(published.prefix(3))…")
    }

    /// Decision: a link to another file inside the content folder is allowed (it is the same
    /// as a copy), but the output must hold a real file: a relative link breaks once it is
    /// copied elsewhere, and an absolute one points back into the author's content folder.
    @Test(arguments: [false, true])
    func aLinkInsideTheContentFolderIsPublishedAsARealFile(absolute: Bool) throws {
        let site = try Robust.site(["pages/about.md": "---\ntitle: About\n---\nAbout us.\n", "media/keep.txt": "keep"])
        try Self.link(site, "media/about.md", to: absolute ? site.url("pages/about.md").path : "../pages/about.md")
        let built = try site.build()
        let published = built.folder.appendingPathComponent("media/about.md")
        #expect(built.files.contains("media/about.md"), "a relative link dangles in the output")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: published.path)) == nil, "the output holds a link")
        #expect(FileManager.default.contents(atPath: published.path) == Data("---\ntitle: About\n---\nAbout us.\n".utf8))
    }

    /// A record file that links to another record is read through the link: two pages.
    @Test func aRecordLinkedToAnotherRecordBuildsBothPages() throws {
        let site = try Robust.site([Self.meetings + "2024-01-01-x.md": Robust.meeting])
        try Self.link(site, Self.meetings + "2024-01-02-y.md", to: "2024-01-01-x.md")
        let built = try site.build()
        #expect(built.exists("communities/c/meetings/x/index.html") && built.exists("communities/c/meetings/y/index.html"))
    }

    // MARK: Files that are not files

    /// A named pipe as a record: refused at once, but as a permissions problem.
    @Test func aPipeInPlaceOfARecordIsRefused() throws {
        let site = try Robust.site()
        let path = Self.meetings + "2024-01-01-x.md"
        try FileManager.default.createDirectory(at: site.url(Self.meetings), withIntermediateDirectories: true)
        #expect(mkfifo(site.url(path).path, 0o644) == 0)
        let failures = site.failures()
        #expect(failures.count == 1)
        Robust.expectNothingWritten(site)
        #expect(failures.first?.contains("permissions") == false, "\(failures)")
    }

    /// A named pipe among the media (or in a bundle) is copied with FileManager.copyItem,
    /// which opens it and waits for a writer forever: the build never ends. Run through the
    /// command line so the test can stop it.
    @Test(.enabled(if: CLI.executable != nil, "the bulletin executable has not been built"),
          arguments: ["media/pipe.txt", "communities/c/meetings/2024-01-01-x/pipe.txt"])
    func aPipeAmongTheFilesToCopyDoesNotHangTheBuild(_ path: String) throws {
        let site = try Robust.site([Self.meetings + "2024-01-01-x/index.md": Robust.meeting])
        try FileManager.default.createDirectory(at: site.url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(mkfifo(site.url(path).path, 0o644) == 0)
        let process = Process()
        let url: URL = try #require(CLI.executable)
        process.executableURL = url
        process.arguments = ["build", "--content", site.content.path, "--templates", Repo.templates.path,
                             "--output", site.output.path, "--now", "2026-11-23"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(3)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        let hung = process.isRunning
        if hung { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(!hung, "the build was still running after 3 s")
        #expect(!hung && process.terminationStatus == 1)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    // MARK: Links in Markdown

    static let bundle = "communities/c/meetings/2024-01-01-x/"

    @Test func bundleLinksEscapingTheBundleAreErrors() throws {
        let site = try Robust.site([
            Self.bundle + "index.md": Robust.meeting + "Text\n\nSee [minutes](../2024-01-02-y/minutes.pdf) and ![p](photos/../../x.png).\n\n![logo](../../../../media/logo.svg)\n",
            Self.bundle + "photos/p.png": "png",
            "media/logo.svg": "<svg/>",
        ])
        Robust.expectRefused(site, [
            "\(Self.bundle)index.md:8:5: error: the link \"../2024-01-02-y/minutes.pdf\" points outside the record's bundle folder; put the file in the bundle and link it by name",
            "\(Self.bundle)index.md:8:48: error: the image \"photos/../../x.png\" points outside the record's bundle folder; put the file in the bundle and link it by name",
            "\(Self.bundle)index.md:10:1: error: the image \"../../../../media/logo.svg\" points outside the record's bundle folder; put the file in the bundle and link it by name",
        ])
    }

    @Test func aLinkInsideTheBundleThroughDotDotIsFine() throws {
        let site = try Robust.site([
            Self.bundle + "index.md": Robust.meeting + "![p](photos/../plan.svg)\n",
            Self.bundle + "plan.svg": "<svg/>",
        ])
        #expect(try site.build().exists("communities/c/meetings/x/plan.svg"))
    }

    @Test func missingBundleFilesSuggestTheNearestName() throws {
        let site = try Robust.site([
            Self.bundle + "index.md": Robust.meeting + "Text\n\n![plan](photos/site-plan.svg)\n\n[sheet](sign-in-sheet.txt)\n",
            Self.bundle + "photos/site-plam.svg": "<svg/>",
            Self.bundle + "sign-in-sheet.pdf": "%PDF",
        ])
        Robust.expectRefused(site, [
            "\(Self.bundle)index.md:8:1: error: the image \"photos/site-plan.svg\" names a file that is not in the bundle folder (did you mean \"photos/site-plam.svg\"?); add the file or correct the name",
            "\(Self.bundle)index.md:10:1: error: the link \"sign-in-sheet.txt\" names a file that is not in the bundle folder (did you mean \"sign-in-sheet.pdf\"?); add the file or correct the name",
        ])
    }

    @Test func anImageBesideAPlainRecordAsksForABundle() throws {
        let path = Self.meetings + "2024-01-01-y.md"
        let site = try Robust.site([path: Robust.meeting + "![p](photo.png)\n"])
        Robust.expectRefused(site, [
            "\(path):6:1: error: the image \"photo.png\" points at a file beside this record, but only a bundle publishes files: make the record a folder 2024-01-01-y/ holding index.md and the file",
        ])
    }

    /// Every spelling a browser would run, plus some it would not but that look alike.
    static let scriptLinks = """
        Para one.

        [a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) [c]( javascript:alert(3)) [d](&#106;avascript:alert(4)) \
        [e](<javascript:alert(5)>) [f](java&#115;cript:alert(6)) [g](&#x6A;avascript:alert(7)) \
        [j](javascript&colon;alert(10)) [k]( JAVASCRIPT:alert(11) "t") [l](vbscript:msgbox(12)) \
        [m](data:text/html;base64,PHNjcmlwdD4=) [n](&#x09;javascript:alert(13))

        <javascript:alert(15)> ![img](javascript:alert(16))

        [ref]: javascript:alert(17)

        [r][ref] end.
        """

    @Test func scriptLinksInMarkdownNeverReachAnHref() throws {
        let path = Self.meetings + "2024-01-02-js.md"
        let site = try Robust.site([path: Robust.meeting + Self.scriptLinks + "\n",
                                    "pages/js.md": "---\ntitle: Scripts\n---\n" + Self.scriptLinks + "\n",
                                    "communities/c/community.md": "---\nname: C\nstreet: S\n---\n" + Self.scriptLinks + "\n"])
        let built = try site.build()
        #expect(built.exists("js/index.html") && built.exists("communities/c/index.html"))
        for file in built.files where file.hasSuffix(".html") || file.hasSuffix(".xml") {
            let text = try built.read(file)
            for link in HTML.links(in: text) {
                let decoded = HTML.unescape(link).lowercased().filter { !$0.isWhitespace }
                #expect(!decoded.contains("script:") && !decoded.hasPrefix("data:") && !decoded.contains("alert("),
                        "\(file) links to \(link)")
            }
            #expect(!text.lowercased().contains("href=\"javascript"), "\(file)")
        }
        let html = try built.read("communities/c/meetings/js/index.html")
        // The text of each dropped link stays.
        #expect(html.contains("<p>a b c d e f g j k l m n</p>"), "\(HTML.section(of: html, from: "Para one.", to: "end.") ?? html)")
        #expect(html.contains("<p>r end.</p>"))
    }
}
