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

/// Bytes that are not tidy UTF-8 text, very large files and invisible characters.
@Suite("Robustness: text")
struct RobustnessTextTests {
    static let path = Robust.meetingPath
    static let good = Array("---\ntitle: Roof\nformat: bench\noutcome: agreed\n---\nBody.\n".utf8)
    static let page = "communities/c/meetings/roof/index.html"

    // MARK: Encoding

    @Test func invalidUTF8InTheFrontMatterIsLocated() throws {
        let site = try Robust.site(path: Self.path, bytes: Array("---\ntitle: Ro".utf8) + [0xFF] + Array("of\nformat: bench\noutcome: agreed\n---\n".utf8))
        Robust.expectRefused(site, [
            "\(Self.path):2:10: error: the text is not valid UTF-8; save the file as UTF-8 in your editor",
        ])
    }

    /// A Latin-1 "ï" after a valid "é": the column counts characters, not bytes.
    @Test func invalidUTF8InTheBodyIsLocatedByCharacter() throws {
        let site = try Robust.site(path: Self.path, bytes: Array("---\ntitle: Roof\nformat: bench\noutcome: agreed\n---\nCafé na".utf8) + [0xEF] + Array("ve\n".utf8))
        Robust.expectRefused(site, [
            "\(Self.path):6:8: error: the text is not valid UTF-8; save the file as UTF-8 in your editor",
        ])
    }

    @Test func aTruncatedSequenceAtTheEndIsLocated() throws {
        let site = try Robust.site(path: Self.path, bytes: Self.good + Array("ab".utf8) + [0xE4, 0xB8])
        Robust.expectRefused(site, [
            "\(Self.path):7:3: error: the text is not valid UTF-8; save the file as UTF-8 in your editor",
        ])
    }

    @Test func aByteOrderMarkBuilds() throws {
        let site = try Robust.site(path: Self.path, bytes: [0xEF, 0xBB, 0xBF] + Self.good)
        #expect(try site.build().read(Self.page).contains("<h1>Roof</h1>"))
    }

    @Test(arguments: ["\r\n", "\r"])
    func foreignLineEndsBuild(_ end: String) throws {
        let text = String(decoding: Self.good, as: UTF8.self).replacingOccurrences(of: "\n", with: end)
        let site = try Robust.site([Self.path: text + end + "Second paragraph." + end])
        let html = try site.build().read(Self.page)
        #expect(html.contains("<p>Body.</p>\n<p>Second paragraph.</p>"))
        #expect(!html.contains("\r"))
    }

    @Test(arguments: ["\r\n", "\r"])
    func foreignLineEndsKeepFieldLineNumbers(_ end: String) throws {
        let site = try Robust.site([Self.path: ["---", "title: Roof", "format: bnch", "outcome: agreed", "---", ""].joined(separator: end)])
        Robust.expectRefused(site, [
            "\(Self.path):3:9: error: format: found \"bnch\", did you mean \"bench\"? expected one of: bench, pavilion, roundtable, council, joint, hearing, mediation, drill, assembly, other",
        ])
    }

    @Test(arguments: ["\r\n", "\r"])
    func foreignLineEndsKeepBodyLineNumbers(_ end: String) throws {
        let bundle = "communities/c/meetings/2024-01-01-roof/"
        let site = try Robust.site([
            bundle + "index.md": ["---", "title: Roof", "format: bench", "outcome: agreed", "---", "Text", "", "See [plan](plan.pdf).", ""].joined(separator: end),
            bundle + "plam.pdf": "%PDF",
        ])
        Robust.expectRefused(site, [
            "\(bundle)index.md:8:5: error: the link \"plan.pdf\" names a file that is not in the bundle folder (did you mean \"plam.pdf\"?); add the file or correct the name",
        ])
    }

    @Test func invalidUTF8InACRLFFileIsLocated() throws {
        let site = try Robust.site(path: Self.path, bytes: Array("---\r\ntitle: Roof\r\nformat: bench\r\noutcome: agr".utf8) + [0xFF] + Array("eed\r\n---\r\n".utf8))
        Robust.expectRefused(site, [
            "\(Self.path):4:13: error: the text is not valid UTF-8; save the file as UTF-8 in your editor",
        ])
    }

    /// TextDecoding.position counts only `\n`, so in a file with old Mac line ends (`\r`)
    /// every byte is on "line 1".
    @Test(arguments: [UInt8(0xFF), UInt8(0x00)])
    func aBadByteInACROnlyFileIsOnTheRightLine(_ byte: UInt8) throws {
        let site = try Robust.site(path: Self.path, bytes: Array("---\rtitle: Roof\rformat: bench\routcome: agr".utf8) + [byte] + Array("eed\r---\r".utf8))
        let failures = site.failures()
        #expect(failures.count == 1)
        Robust.expectNothingWritten(site)
        #expect(failures.first?.hasPrefix("\(Self.path):4:13: error: ") == true, "\(failures)")
    }

    @Test func aNULByteIsRefusedAndLocated() throws {
        let site = try Robust.site(path: Self.path, bytes: Array("---\ntitle: Roof\nformat: bench\noutcome: agr".utf8) + [0] + Array("eed\n---\n".utf8))
        Robust.expectRefused(site, [
            "\(Self.path):4:13: error: the file holds a NUL byte, so it is not a text file; save it again as plain UTF-8 text",
        ])
    }

    @Test func aNULByteInTheBodyIsRefused() throws {
        let site = try Robust.site(path: Self.path, bytes: Self.good + Array("abc".utf8) + [0])
        Robust.expectRefused(site, [
            "\(Self.path):7:4: error: the file holds a NUL byte, so it is not a text file; save it again as plain UTF-8 text",
        ])
    }

    // MARK: Size

    static func bigRecord(bytes: Int) -> [UInt8] {
        let paragraph = Array((String(repeating: "Residents discussed the roof repair and its budget in detail. ", count: 12) + "\n\n").utf8)
        var data = Self.good
        data.reserveCapacity(bytes)
        while data.count + paragraph.count <= bytes { data += paragraph }
        data += Array(repeating: UInt8(ascii: "x"), count: bytes - data.count)
        return data
    }

    @Test func aTenMegabyteRecordBuildsInReasonableTime() throws {
        let site = try Robust.site(path: Self.path, bytes: Self.bigRecord(bytes: 10 << 20))
        var built: BuiltSite?
        let seconds = try Robust.seconds { built = try site.build() }
        #expect(seconds < 20, "took \(seconds) s")
        let size = (try? FileManager.default.attributesOfItem(atPath: built!.folder.appendingPathComponent(Self.page).path)[.size] as? Int) ?? 0
        #expect(size > 10_000_000)
    }

    @Test func aSeventeenMegabyteRecordIsRefused() throws {
        let site = try Robust.site(path: Self.path, bytes: Self.bigRecord(bytes: 17 << 20))
        Robust.expectRefused(site, [
            "\(Self.path):1:1: error: is 17 MB, more than the 16 MB a record may be; move photos and scans into a bundle folder beside its index.md",
        ])
    }

    /// `data.count >> 20` rounds down: 16 MB and one byte reads "is 16 MB, more than the 16 MB".
    @Test func aRecordJustOverTheLimitGivesAConsistentSize() throws {
        let site = try Robust.site(path: Self.path, bytes: Self.bigRecord(bytes: (16 << 20) + 1))
        let failures = site.failures()
        #expect(failures.count == 1)
        Robust.expectNothingWritten(site)
        #expect(failures.first?.contains("is 16 MB, more than the 16 MB") == false, "\(failures)")
    }

    @Test func aOneMegabyteSingleLineParagraphBuilds() throws {
        let line = String(repeating: "word ", count: (1 << 20) / 5)
        let site = try Robust.site([Self.path: Robust.meeting + line + "\n"])
        var built: BuiltSite?
        let seconds = try Robust.seconds { built = try site.build() }
        #expect(seconds < 20, "took \(seconds) s")
        #expect(try built!.read(Self.page).contains("<p>word word word"))
    }

    @Test func aOneMegabyteWordWithoutSpacesBuilds() throws {
        let site = try Robust.site([Self.path: Robust.meeting + String(repeating: "x", count: 1 << 20) + "\n"])
        #expect(try site.build().read(Self.page).contains("<p>xxxx"))
    }

    // MARK: Invisible and direction characters

    /// YAML lets a quoted value hold any character as an escape. A control character cannot be
    /// shown, makes a feed unreadable XML, and U+0000 is the engine's own mark for a link's root.
    @Test(arguments: [("\\0", "00"), ("\\x01", "01"), ("\\e", "1B"), ("\\x7F", "7F"), ("\\N", "85")])
    func aControlCharacterInAFieldIsRefused(_ escape: String, _ code: String) throws {
        let site = try Robust.meetingSite(frontMatter: "title: \"Roof \(escape) repair\"\nformat: bench\noutcome: agreed\ntags: [roof, \"a\(escape)b\"]\n")
        let problem = "holds the invisible control character U+00\(code), which a page cannot show; remove it (in quotes it may be written as an escape such as \\x\(code))"
        Robust.expectRefused(site, [
            "\(Self.path):2:8: error: title: \(problem)",
            "\(Self.path):5:14: error: tags[2]: \(problem)",
        ])
    }

    /// Tabs and line breaks are not control characters a writer must remove.
    @Test func tabsAndLineBreaksInAFieldBuild() throws {
        let site = try Robust.meetingSite(frontMatter: "title: \"Roof\\trepair\"\nformat: bench\noutcome: agreed\nsummary: \"One\\ntwo\"\n")
        #expect(try site.build().read(Self.page).contains("<h1>Roof\trepair</h1>"))
    }

    @Test func directionAndZeroWidthCharactersInATitleBuildAndMarkupIsEscaped() throws {
        let title = "Roof \u{202E}gnirts\u{200B} end <b>"
        let site = try Robust.meetingSite(frontMatter: "title: \"\(title)\"\nformat: bench\noutcome: agreed\n")
        let built = try site.build()
        let html = try built.read(Self.page)
        // The override is closed where the title ends (U+202C), so it cannot reverse what follows.
        #expect(html.contains("<h1>Roof \u{202E}gnirts\u{200B} end &lt;b&gt;\u{202C}</h1>"))
        #expect(!html.contains("<b>"))
        let feed = try built.read("feed.xml")
        #expect(XMLReader.parse(feed).error == nil)
        #expect(feed.contains("<title>Roof \u{202E}gnirts\u{200B} end &lt;b&gt;\u{202C}</title>"))
    }

    /// U+202E reverses everything after it up to the end of the paragraph, so in `<title>`
    /// the site name (and in lists, the next items' text) is shown reversed. The override
    /// should be closed (U+202C) or isolated before the title's text ends.
    @Test func aRightToLeftOverrideInATitleDoesNotLeakPastIt() throws {
        let site = try Robust.meetingSite(frontMatter: "title: \"Roof \u{202E}gnirts\"\nformat: bench\noutcome: agreed\n")
        let html = try site.build().read(Self.page)
        let titleElement = HTML.section(of: html, from: "<title>", to: "</title>") ?? ""
        let afterOverride = titleElement.components(separatedBy: "\u{202E}").last ?? ""
        #expect(!titleElement.contains("\u{202E}") || afterOverride.contains("\u{202C}"),
                "\(titleElement.unicodeScalars.map { $0.isASCII ? String($0) : "U+" + String($0.value, radix: 16, uppercase: true) }.joined())")
    }

    @Test(arguments: [("\u{202E}", "ro\u{202E}of"), ("\u{200B}", "ro\u{200B}of")])
    func directionAndZeroWidthCharactersInAFileNameAreRefused(_ character: String, _ slug: String) throws {
        let path = "communities/c/meetings/2024-01-01-\(slug).md"
        let site = try Robust.site([path: Robust.meeting])
        Robust.expectRefused(site, [
            "\(path):1:1: error: the file name \"\(slug)\" may only use lowercase letters, digits and \"-\"; rename it to \"2024-01-01-roof.md\"",
        ])
    }

    @Test(arguments: ["\u{202E}cd", "c\u{200B}d", "c\u{200D}d", "c\u{FEFF}d"])
    func invisibleCharactersInACommunityFolderAreRefused(_ name: String) throws {
        let site = try Robust.site(["communities/\(name)/community.md": "---\nname: D\nstreet: S\n---\n"])
        Robust.expectRefused(site, [
            "communities/\(name):1:1: error: the community folder name \"\(name)\" may only use lowercase letters, digits and \"-\"; rename it to \"cd\"",
        ])
    }

    @Test func aZeroWidthJoinerInAPageNameIsRefused() throws {
        let site = try Robust.site(["pages/ab\u{200D}out.md": "---\ntitle: About\n---\n"])
        Robust.expectRefused(site, [
            "pages/ab\u{200D}out.md:1:1: error: the page name \"ab\u{200D}out\" may only use lowercase letters, digits and \"-\"; rename it to \"about.md\"",
        ])
    }
}
