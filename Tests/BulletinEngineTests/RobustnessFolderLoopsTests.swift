import Foundation
import Testing
@testable import BulletinContent
@testable import BulletinEngine

/// Folders linked into each other, and folders nested very deep: the content walk ends, and says
/// why. Before the walk remembered the folders it was in, each loop here recursed until the
/// stack ran out and the build died with a segmentation fault (exit 139).
@Suite("Robustness: folder loops and depth")
struct RobustnessFolderLoopsTests {
    static let loop = "this link leads back into a folder that contains it, which would repeat the folder without end; remove it"

    static func link(_ site: TestSite, _ path: String, to destination: String) throws {
        try RobustnessNamesAndLinksTests.link(site, path, to: destination)
    }

    // MARK: Loops

    /// Neither link leads into a folder above it on disk: each is refused where the walk of the
    /// other folder reaches it.
    @Test func mediaFoldersLinkedToEachOtherAreNotWalkedForever() throws {
        let site = try Robust.site(["media/a/logo.txt": "logo"])
        try Self.link(site, "media/a/to-b", to: "../b")
        try Self.link(site, "media/b/to-a", to: "../a")
        Robust.expectRefused(site, [
            "media/a/to-b:1:1: error: \(Self.loop)",
            "media/b/to-a:1:1: error: \(Self.loop)",
        ])
    }

    /// `media/c` leads into the same loop a third way: each link is still named once.
    @Test func aLoopReachedThroughAnotherLinkIsReportedOnce() throws {
        let site = try Robust.site(["media/a/logo.txt": "logo"])
        try Self.link(site, "media/a/to-b", to: "../b")
        try Self.link(site, "media/b/to-a", to: "../a")
        try Self.link(site, "media/c", to: "b")
        Robust.expectRefused(site, [
            "media/a/to-b:1:1: error: \(Self.loop)",
            "media/b/to-a:1:1: error: \(Self.loop)",
        ])
    }

    /// Bundles of two communities, scanned in parallel, each holding a link to the other.
    @Test func bundlesLinkedToEachOtherAreNotWalkedForever() throws {
        let x = "communities/c/meetings/2024-01-01-x", y = "communities/d/meetings/2024-01-01-y"
        let site = try Robust.site([x + "/index.md": Robust.meeting, y + "/index.md": Robust.meeting,
                                    "communities/d/community.md": "---\nname: D\nstreet: S\n---\n"])
        try Self.link(site, x + "/to-y", to: "../../../d/meetings/2024-01-01-y")
        try Self.link(site, y + "/to-x", to: "../../../c/meetings/2024-01-01-x")
        Robust.expectRefused(site, [
            "\(x)/to-y:1:1: error: \(Self.loop)",
            "\(y)/to-x:1:1: error: \(Self.loop)",
        ])
    }

    /// A bundle that is a link to a media folder, which links back to the record folder: the
    /// folders the scanner walks by role (communities, a community, a record folder) are on
    /// the walk too.
    @Test func aBundleLinkedToMediaThatLinksBackIsNotWalkedForever() throws {
        let site = try Robust.site(["media/album/index.md": Robust.meeting])
        try Self.link(site, "communities/c/meetings/2024-01-01-x", to: "../../../media/album")
        try Self.link(site, "media/album/back", to: "../../communities/c/meetings")
        Robust.expectRefused(site, [
            "communities/c/meetings/2024-01-01-x:1:1: error: \(Self.loop)",
            "media/album/back:1:1: error: \(Self.loop)",
        ])
    }

    /// pages/ is not walked below its own names, but media/ reaches it through a link.
    @Test func aPageFolderLinkedToMediaThatLinksBackIsNotWalkedForever() throws {
        let site = try Robust.site(["media/a/logo.txt": "logo"])
        try Self.link(site, "pages/a", to: "../media/a")
        try Self.link(site, "media/a/back", to: "../../pages")
        Robust.expectRefused(site, [
            "pages/a:1:1: error: pages/ holds only Markdown files named <slug>.md",
            "pages/a:1:1: error: \(Self.loop)",
        ])
    }

    /// Run as a separate process, so that before the fix the crash failed this test and not
    /// the whole test run.
    @Test(.enabled(if: CLI.executable != nil, "the bulletin executable has not been built"))
    func theCommandLineReportsTheLoopAndExitsWithOne() throws {
        let site = try Robust.site(["media/a/logo.txt": "logo"])
        try Self.link(site, "media/a/to-b", to: "../b")
        try Self.link(site, "media/b/to-a", to: "../a")
        let result = try CLI.run(["build", "--content", site.content.path, "--templates", Repo.templates.path,
                                  "--output", site.output.path, "--now", "2026-11-23"], in: site.root)
        #expect(result.status == 1, "\(result.stderr.suffix(300))")
        #expect(result.stderr.contains("media/b/to-a:1:1: error: \(Self.loop)\n"), "\(result.stderr.suffix(300))")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    /// One folder reached through two links is no loop: it is published under both names,
    /// as before.
    @Test func aFolderReachedThroughTwoLinksIsPublishedUnderBoth() throws {
        let site = try Robust.site(["media/b/logo.txt": "logo", "media/a/keep.txt": "keep"])
        try Self.link(site, "media/a/to-b", to: "../b")
        try Self.link(site, "media/c", to: "b")
        let built = try site.build()
        #expect(built.files.filter { $0.hasPrefix("media/") }
                == ["media/a/keep.txt", "media/a/to-b/logo.txt", "media/b/logo.txt", "media/c/logo.txt"])
    }

    // MARK: Depth

    /// `top` nested to the limit's depth (`media` is one deep); `index.md` is the bundle's
    /// record, and in media a file like any other.
    static func nested(in top: String) throws -> (site: TestSite, deepest: String) {
        let deepest = top + String(repeating: "/d", count: ContentScanner.maxDepth - top.split(separator: "/").count)
        let site = try Robust.site([top + "/index.md": Robust.meeting, deepest + "/deep.txt": "deep"])
        return (site, deepest)
    }

    @Test(arguments: ["media", "communities/c/meetings/2024-01-01-x"])
    func foldersNestedAsDeepAsTheLimitArePublished(_ top: String) throws {
        let (site, deepest) = try Self.nested(in: top)
        #expect(deepest.split(separator: "/").count == 64)
        let built = try site.build()
        #expect(built.files.contains { $0.hasSuffix("/d/deep.txt") })
    }

    /// One folder more is refused at its path, and nothing is written. Without a limit, some
    /// 2,000 levels made paths the system no longer opened, and their files were left out with
    /// no message.
    @Test(arguments: ["media", "communities/c/meetings/2024-01-01-x"])
    func aFolderNestedDeeperThanTheLimitIsRefused(_ top: String) throws {
        let (site, deepest) = try Self.nested(in: top)
        try site.write(deepest + "/d/deeper.txt", "deeper")
        Robust.expectRefused(site, [
            "\(deepest)/d:1:1: error: this folder is more than 64 folders deep in the content folder; move what it holds into a folder higher up",
        ])
    }
}
