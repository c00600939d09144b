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

/// Mistakes outside the broken fixture, each in a small site of its own.
@Suite("More diagnostics")
struct MoreDiagnosticsTests {
    static let base: [String: String] = [
        "site.yml": "title: Small\nbase_url: https://example.org/\n",
        "communities/c/community.md": "---\nname: C\nstreet: S\n---\n",
    ]

    static func site(adding files: [String: String]) throws -> TestSite {
        try TestSite.files(base.merging(files) { _, new in new })
    }

    @Test func aNameStartingWithAHyphenGetsAValidSuggestion() throws {
        let site = try Self.site(adding: ["pages/-about.md": "---\ntitle: About\n---\n"])
        #expect(site.failures() == [
            "pages/-about.md:1:1: error: the page name \"-about\" may only use lowercase letters, digits and \"-\"; rename it to \"about.md\"",
        ])
    }

    @Test func aDatedRecordWithoutADateShowsTheNamingRule() throws {
        let site = try Self.site(adding: ["communities/c/meetings/roof-meeting.md": "---\ntitle: Roof\nformat: bench\noutcome: agreed\n---\n"])
        #expect(site.failures() == [
            "communities/c/meetings/roof-meeting.md:1:1: error: meetings are named <YYYY-MM-DD>-<slug>; rename it to e.g. \"2024-05-18-roof-meeting.md\"",
        ])
    }

    @Test func anUnknownSiteLanguageNamesTheAvailableOnes() throws {
        let site = try TestSite.files(["site.yml": "title: Small\nlanguage: fr\nbase_url: https://example.org/\n"])
        #expect(site.failures() == [
            "site.yml:2:11: error: language: is \"fr\", which is not a language this theme has; write one of: en, zh-CN",
        ])
    }

    @Test func aMissingCommunityProfileIsAnError() throws {
        let site = try Self.site(adding: ["communities/d/problems/p.md": "---\ntitle: P\nraised: 2024-01-01\nstatus: open\n---\n"])
        #expect(site.failures() == [
            "communities/d/community.md:1:1: error: community profile is missing; create community.md with `name:` and `street:`",
        ])
    }

    @Test func twoRecordsWithTheSamePageAddressAreAnError() throws {
        let meeting = "---\ntitle: Roof\nformat: bench\noutcome: agreed\n---\n"
        let site = try Self.site(adding: ["communities/c/meetings/2024-01-01-roof.md": meeting,
                                          "communities/c/meetings/2024-02-01-roof.md": meeting])
        #expect(site.failures() == [
            "communities/c/meetings/2024-02-01-roof.md:1:1: error: gives the same page address as communities/c/meetings/2024-01-01-roof.md (both are \"roof\" in meetings); rename one of them",
        ])
    }

    @Test func ignoredNamesAreIgnored() throws {
        let site = try Self.site(adding: ["communities/c/meetings/_notes.txt": "private", ".DS_Store": "x",
                                          "communities/c/_drafts/whatever.md": "not a record"])
        let built = try site.build()
        #expect(!built.files.contains { $0.contains("notes") || $0.contains("drafts") || $0.contains("DS_Store") })
    }

    @Test func aConventionCannotSupersedeItself() throws {
        let site = try Self.site(adding: ["communities/c/conventions/rules.md": "---\ntitle: Rules\nadopted: 2024-01-01\nsupersedes: rules\n---\n"])
        #expect(site.failures() == [
            "communities/c/conventions/rules.md:4:13: error: supersedes: a convention cannot supersede itself; name the earlier version's file name",
        ])
    }

    @Test func aWrongTypeInsideAListEntryNamesTheEntry() throws {
        let site = try Self.site(adding: ["communities/c/meetings/2024-01-01-roof.md":
            "---\ntitle: Roof\nformat: bench\noutcome: agreed\nparticipants:\n  - role: owners\n    count: many\n---\n"])
        #expect(site.failures() == [
            "communities/c/meetings/2024-01-01-roof.md:7:12: error: participants[1].count: found \"many\", expected a whole number such as 12",
        ])
    }

    @Test func siteSettingsAreCheckedFieldByField() throws {
        let site = try TestSite.files(["site.yml": "title: T\nbase_url: https://e.org\ntime_zone: Mars/Olympus\npage_size: 0\nlanguag: en\n"])
        #expect(site.failures() == [
            "site.yml:3:12: error: time_zone: found \"Mars/Olympus\", expected an IANA time zone name such as Asia/Shanghai",
            "site.yml:4:12: error: page_size: must be at least 1",
            "site.yml:5:1: error: languag: unknown field; did you mean \"language\"?",
        ])
    }

    /// An invalid base_url is an error; the "base_url is not set" warning that follows it
    /// contradicts the file, which does set it.
    @Test func anInvalidBaseURLIsOneErrorWithoutAContradictingWarning() throws {
        let site = try TestSite.files(["site.yml": "title: T\nbase_url: example.org\n"])
        #expect(site.failures() == [
            "site.yml:2:11: error: base_url: found \"example.org\", expected an absolute address such as https://bulletin.example.org/",
        ])
    }

    @Test func checksInsideARecordAreLocatedAtTheValue() throws {
        let site = try Self.site(adding: [
            "communities/c/meetings/2024-01-01-a.md":
                "---\ntitle: A\nformat: bench\noutcome: agreed\ntime: \"19:00\"\nend_time: \"18:00\"\nattendance: -3\nvote: {for: 1, agianst: 2}\nagenda: [ok, {a: b}]\n---\n",
            "communities/c/meetings/2024-01-02-b.md": "---\ntitle: B\n\tformat: bench\n---\n",
            "communities/c/problems/p.md": "---\ntitle: P\nraised: 2024-05-01\nstatus: resolved\nresolved: 2024-04-01\nurgent: maybe\n---\n",
        ])
        #expect(site.failures() == [
            "communities/c/meetings/2024-01-01-a.md:6:11: error: end_time: is 18:00, before the start time 19:00; check both times",
            "communities/c/meetings/2024-01-01-a.md:7:13: error: attendance: found \"-3\", expected a whole number such as 12",
            "communities/c/meetings/2024-01-01-a.md:8:16: error: vote.agianst: unknown field; did you mean \"against\"?",
            "communities/c/meetings/2024-01-01-a.md:9:14: error: agenda[2]: found a set of fields, expected text",
            "communities/c/meetings/2024-01-02-b.md:3:1: error: the front matter is not valid YAML: found a tab character that violates indentation; indent with spaces, not tabs",
            "communities/c/problems/p.md:5:11: error: resolved: is 2024-04-01, before the problem was raised on 2024-05-01",
            "communities/c/problems/p.md:6:9: error: urgent: found \"maybe\", expected true or false",
        ])
    }

    @Test func strayFilesAndFoldersOutsideCommunitiesAreErrors() throws {
        let site = try Self.site(adding: ["communities/stray.md": "x", "extra/file.txt": "x"])
        #expect(site.failures() == [
            "communities/stray.md:1:1: error: communities/ holds one folder per community; move this file into a community folder",
            "extra:1:1: error: \"extra\" is not part of a bulletin content folder; expected one of: site.yml, pages, media, communities (to keep a file here without publishing it, start its name with \"_\")",
        ])
    }

    /// A bundle file that would be written over the record's own page is refused; the message
    /// should name the file in the content folder, which is what the writer can rename.
    @Test func aBundleFileClashingWithThePageNamesTheBundleFile() throws {
        let site = try Self.site(adding: [
            "communities/c/meetings/2024-01-01-a/index.md": "---\ntitle: A\nformat: bench\noutcome: agreed\n---\n",
            "communities/c/meetings/2024-01-01-a/index.html": "<p>exported minutes</p>",
        ])
        let failures = site.failures()
        #expect(failures.count == 1)
        #expect(failures.first?.hasPrefix("communities/c/meetings/2024-01-01-a/index.html:") == true)
    }

    /// A build whose pages are those of a tree it built before skips the check that no two
    /// files share an address; a clash made after a good build must still be found.
    @Test func aClashAddedAfterAGoodBuildIsFound() throws {
        let site = try Self.site(adding: [
            "communities/c/meetings/2024-01-01-a/index.md": "---\ntitle: A\nformat: bench\noutcome: agreed\n---\n",
        ])
        try site.build()
        try site.build()
        try site.write("communities/c/meetings/2024-01-01-a/index.html", "<p>exported minutes</p>")
        let failures = site.failures()
        #expect(failures.count == 1)
        #expect(failures.first?.hasPrefix("communities/c/meetings/2024-01-01-a/index.html:") == true)
    }
}
