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

/// The theme folder is held to the content folder's rules: the site language names one of its
/// strings files and nothing else, and its links are not followed out of it or round in a loop.
@Suite("Theme safety")
struct ThemeSafetyTests {
    /// The minimal site with `language:` on line 2 (its value at column 11).
    static func site(language: String) throws -> TestSite {
        try Robust.site(["site.yml": "title: Small\nlanguage: \(language)\nbase_url: https://example.org/\n"])
    }

    /// Builds `site` with the theme at `templates`, expecting failure; the diagnostic lines.
    static func failures(_ site: TestSite, templates: URL, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        var options = site.options()
        options.templates = templates
        do {
            _ = try Builder(options: options).build()
            Issue.record("the build succeeded", sourceLocation: sourceLocation)
            return []
        } catch {
            return Robust.lines(error)
        }
    }

    static func link(_ url: URL, to destination: String) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
    }

    // MARK: The site language

    /// `strings/../../evil.yml` is a complete strings file beside the theme folder: it must not
    /// be read, and `../../evil` must not reach `<html lang>`.
    @Test func aLanguageClimbingOutOfTheThemeIsRefusedAtItsLine() throws {
        let (templates, owner) = try Robust.themeCopy()
        let evil = templates.deletingLastPathComponent().appendingPathComponent("evil.yml")
        try FileManager.default.copyItem(at: templates.appendingPathComponent("strings/en.yml"), to: evil)
        try Robust.edit(evil, replacing: "home: \"Home\"", with: "home: \"EVIL-HOME\"")
        let site = try Self.site(language: "../../evil")
        let lines = withExtendedLifetime(owner) { Self.failures(site, templates: templates) }
        #expect(lines == [
            "site.yml:2:11: error: language: is \"../../evil\", which is not a language this theme has; write one of: en, zh-CN",
        ])
        Robust.expectNothingWritten(site)
    }

    @Test(arguments: ["fr", "zh-TW", "zh-cn", "en-US"])
    func aLanguageTheThemeHasNoStringsForIsRefusedAtItsLine(_ language: String) throws {
        Robust.expectRefused(try Self.site(language: language), [
            "site.yml:2:11: error: language: is \"\(language)\", which is not a language this theme has; write one of: en, zh-CN",
        ])
    }

    /// Whatever is written, the message quotes it and lists the theme's languages.
    @Test(arguments: ["\"en/../zh-CN\"", "\"/etc/passwd\"", "en_US", "\"en.yml\"", "\"en US\"", "\"zh-\""])
    func aLanguageThatIsNoLanguageTagIsRefusedAtItsLine(_ written: String) throws {
        let value = written.hasPrefix("\"") ? String(written.dropFirst().dropLast()) : written
        Robust.expectRefused(try Self.site(language: written), [
            "site.yml:2:11: error: language: is \"\(value)\", which is not a language this theme has; write one of: en, zh-CN",
        ])
    }

    /// A theme without strings cannot list its languages; the tag is still checked at its line.
    @Test func aLanguageThatIsNoLanguageTagIsRefusedWhenTheThemeHasNoStrings() throws {
        let (templates, owner) = try Robust.themeCopy()
        try FileManager.default.removeItem(at: templates.appendingPathComponent("strings"))
        let site = try Self.site(language: "../../evil")
        let lines = withExtendedLifetime(owner) { Self.failures(site, templates: templates) }
        #expect(lines == [
            "site.yml:2:11: error: language: is \"../../evil\", which is not a language tag; write one such as en or zh-CN",
        ])
    }

    @Test(arguments: ["en", "zh-CN"])
    func aLanguageTheThemeHasStillBuilds(_ language: String) throws {
        let built = try Self.site(language: language).build()
        #expect(try built.read("index.html").contains("<html lang=\"\(language)\">"))
    }

    @Test func languageTagsAreCheckedByTheirSyntax() {
        for tag in ["en", "zh-CN", "zh-Hant-TW", "sr-Latn-RS", "es-419", "de-CH-1901", "sl-rozaj-biske",
                    "zh-yue-HK", "en-US-x-twain", "x-local", "EN", "en-a-bbb-ccc", "haw"] {
            #expect(LanguageTag.isWellFormed(tag), "\(tag)")
        }
        for tag in ["", "e", "-", "en-", "-en", "en--US", "../../evil", "en_US", "en.US", "toolongtag",
                    "en-abcdefghi", "en-US-x", "en-a", "en-a-b", "中文", "en US", "zh-CN/..", "en-US-abcd"] {
            #expect(!LanguageTag.isWellFormed(tag), "\(tag)")
        }
    }

    // MARK: Links in the theme folder

    /// A file outside the theme, reached through a link in each of the theme's folders.
    @Test(arguments: [
        ("assets/passwd.css", "/etc/passwd"),
        ("assets/outside", "dir"),
        ("assets/climb.css", "../../outside/secret.txt"),
        ("partials/extra.mustache", "secret.txt"),
        ("layouts/page.mustache", "page.mustache"),
        ("strings/en.yml", "en.yml"),
    ])
    func aLinkLeadingOutOfTheThemeIsNotFollowed(_ path: String, _ target: String) throws {
        let (templates, owner) = try Robust.themeCopy()
        let outside = templates.deletingLastPathComponent().appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("dir"), withIntermediateDirectories: true)
        try Data("SECRET".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        try Data("SECRET".utf8).write(to: outside.appendingPathComponent("dir/secret.css"))
        let original = templates.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: original.path) {
            // The theme's own file moved out and linked back: everything else about it is valid.
            try FileManager.default.moveItem(at: original, to: outside.appendingPathComponent(target))
        }
        let destination = target.hasPrefix("/") || target.hasPrefix("..") ? target : outside.appendingPathComponent(target).path
        try Self.link(original, to: destination)
        let resolved = original.resolvingSymlinksInPath().path
        let site = try Robust.site()
        let lines = withExtendedLifetime(owner) { Self.failures(site, templates: templates) }
        #expect(lines == [
            "Templates/\(path):1:1: error: this is a link to \(resolved), outside the theme folder; links are not followed out of it, copy the file in instead",
        ])
        Robust.expectNothingWritten(site)
    }

    /// The walk used to follow `assets/loop → .` forty levels deep.
    @Test(arguments: [
        ("assets/loop", "."),
        ("assets/up", ".."),
        ("assets/fonts/top", "../../assets"),
        ("layouts", "."),
    ])
    func aLinkBackIntoItsOwnFolderGivesOneShortMessage(_ path: String, _ target: String) throws {
        let (templates, owner) = try Robust.themeCopy()
        let url = templates.appendingPathComponent(path)
        if path == "layouts" { try FileManager.default.removeItem(at: url) }
        try Self.link(url, to: target)
        let site = try Robust.site()
        let lines = withExtendedLifetime(owner) { Self.failures(site, templates: templates) }
        let expected = "Templates/\(path):1:1: error: this link leads back into a folder that contains it, which would repeat the folder without end; remove it"
        // Without its layouts the theme also lacks every layout the site needs.
        #expect(lines.filter { !$0.contains("layout, which the site needs") } == [expected])
        Robust.expectNothingWritten(site)
    }

    /// Two folders linking to each other lead back into the walk without leading to an ancestor.
    @Test func foldersLinkedToEachOtherAreNotWalkedForever() throws {
        let (templates, owner) = try Robust.themeCopy()
        try Self.link(templates.appendingPathComponent("assets/a/to-b"), to: "../b")
        try Self.link(templates.appendingPathComponent("assets/b/to-a"), to: "../a")
        let site = try Robust.site()
        let lines = withExtendedLifetime(owner) { Self.failures(site, templates: templates) }
        let message = "this link leads back into a folder that contains it, which would repeat the folder without end; remove it"
        #expect(lines == [
            "Templates/assets/a/to-b/to-a:1:1: error: \(message)",
            "Templates/assets/b/to-a/to-b:1:1: error: \(message)",
        ])
    }

    @Test func aLinkToItselfIsReported() throws {
        let (templates, owner) = try Robust.themeCopy()
        try Self.link(templates.appendingPathComponent("assets/self.css"), to: "self.css")
        let site = try Robust.site()
        let lines = withExtendedLifetime(owner) { Self.failures(site, templates: templates) }
        #expect(lines == [
            "Templates/assets/self.css:1:1: error: this link goes round in a loop; remove it or copy the file in instead",
        ])
    }

    /// As in the content folder, a link to another file of the theme is the same as a copy,
    /// and the output holds a real file.
    @Test func aLinkInsideTheThemeIsPublishedAsARealFile() throws {
        let (templates, owner) = try Robust.themeCopy()
        try Self.link(templates.appendingPathComponent("assets/print.css"), to: "style.css")
        let site = try Robust.site()
        var options = site.options()
        options.templates = templates
        try withExtendedLifetime(owner) { _ = try Builder(options: options).build() }
        let published = site.output.appendingPathComponent("assets/print.css")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: published.path)) == nil, "the output holds a link")
        #expect(FileManager.default.contents(atPath: published.path) == FileManager.default.contents(atPath: templates.appendingPathComponent("assets/style.css").path))
    }
}
