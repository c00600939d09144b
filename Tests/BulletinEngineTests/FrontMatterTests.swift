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

@Suite("Front matter and text decoding")
struct FrontMatterTests {
    @Test func splitsFieldsFromBodyAndKnowsTheFirstFieldLine() throws {
        let split = try FrontMatter.split("---\ntitle: A\nformat: bench\n---\nBody line 1\n\nBody line 2\n")
        #expect(split.yaml == "title: A\nformat: bench")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "Body line 1\n\nBody line 2\n")
    }

    @Test func laterThematicBreaksStayInTheBody() throws {
        let split = try FrontMatter.split("---\ntitle: A\n---\nabove\n\n---\n\nbelow\n")
        #expect(split.body == "above\n\n---\n\nbelow\n")
    }

    @Test func acceptsDotsAndTrailingSpacesOnTheFenceLines() throws {
        let split = try FrontMatter.split("--- \ntitle: A\n...\t\nbody")
        #expect(split.yaml == "title: A")
        #expect(split.body == "body")
    }

    @Test func missingOpeningFenceIsReported() {
        #expect(throws: FrontMatter.Failure.missingOpening) { try FrontMatter.split("title: A\n---\nbody") }
        #expect(throws: FrontMatter.Failure.missingOpening) { try FrontMatter.split("\n---\ntitle: A\n---\n") }
    }

    @Test func missingClosingFenceIsReported() {
        #expect(throws: FrontMatter.Failure.notClosed) { try FrontMatter.split("---\ntitle: A\n\nbody without a fence\n") }
    }

    @Test func decodingNormalisesCRLFAndLoneCR() throws {
        let text = try TextDecoding.decode(Data("---\r\ntitle: A\r\n---\r\nbody\rmore\r\n".utf8))
        #expect(text == "---\ntitle: A\n---\nbody\nmore\n")
        let split = try FrontMatter.split(text)
        #expect(split.yaml == "title: A")
        #expect(split.body == "body\nmore\n")
    }

    @Test func decodingDropsTheByteOrderMark() throws {
        let text = try TextDecoding.decode(Data([0xEF, 0xBB, 0xBF] + Array("---\ntitle: A\n---\n".utf8)))
        #expect(text == "---\ntitle: A\n---\n")
        #expect(try FrontMatter.split(text).yaml == "title: A")
    }

    @Test func invalidUTF8IsLocatedByLineAndColumn() {
        // "title: Café" with é in Latin-1 (0xE9) on line 2, after 10 characters.
        let bytes = Array("---\ntitle: Caf".utf8) + [0xE9] + Array("\n---\n".utf8)
        #expect(throws: TextDecoding.Failure.self) { try TextDecoding.decode(Data(bytes)) }
        do {
            _ = try TextDecoding.decode(Data(bytes))
        } catch {
            guard case .invalidUTF8(let line, let column) = error else {
                Issue.record("expected invalidUTF8, got \(error)")
                return
            }
            #expect(line == 2)
            #expect(column == 11)
        }
    }

    @Test func columnsCountCharactersNotBytes() {
        // Three Chinese characters (9 bytes) before the bad byte: column 4.
        let bytes = Array("电梯会".utf8) + [0xFF]
        do {
            _ = try TextDecoding.decode(Data(bytes))
            Issue.record("expected a decoding failure")
        } catch {
            guard case .invalidUTF8(let line, let column) = error else {
                Issue.record("expected invalidUTF8, got \(error)")
                return
            }
            #expect(line == 1)
            #expect(column == 4)
        }
    }

    /// End to end: a record saved by a Windows editor (BOM, CRLF) builds, and a mistake in
    /// it is still reported at the right line.
    @Test func recordWithBOMAndCRLFBuildsAndKeepsLineNumbers() throws {
        let site = try TestSite.files(Self.minimalSite)
        let good = "---\r\ntitle: \"Windows meeting\"\r\nformat: bench\r\noutcome: agreed\r\n---\r\nMinutes.\r\n"
        try site.write("communities/c/meetings/2024-01-02-windows.md", bytes: [0xEF, 0xBB, 0xBF] + Array(good.utf8))
        let built = try site.build()
        let page = try built.read("communities/c/meetings/windows/index.html")
        #expect(page.contains("<h1>Windows meeting</h1>"))
        #expect(!page.contains("\r"))

        let bad = "---\r\ntitle: \"Windows meeting\"\r\nformat: bench\r\noutcome: agreed\r\nattendence: 3\r\n---\r\n"
        try site.write("communities/c/meetings/2024-01-02-windows.md", bytes: [0xEF, 0xBB, 0xBF] + Array(bad.utf8))
        #expect(site.failures() == [
            "communities/c/meetings/2024-01-02-windows.md:5:1: error: attendence: unknown field; did you mean \"attendance\"?",
        ])
    }

    /// Windows editors offer "Unicode" (UTF-16 with a BOM); such a file is text, just not UTF-8.
    @Test func aUTF16FileIsToldToBeSavedAsUTF8() throws {
        let site = try TestSite.files(Self.minimalSite)
        let utf16 = [UInt8]("---\ntitle: A\nformat: bench\noutcome: agreed\n---\n".data(using: .utf16LittleEndian)!)
        try site.write("communities/c/meetings/2024-01-02-unicode.md", bytes: [0xFF, 0xFE] + utf16)
        let failures = site.failures()
        #expect(failures.count == 1)
        #expect(failures.first?.hasPrefix("communities/c/meetings/2024-01-02-unicode.md:1:") == true)
        #expect(failures.first?.contains("UTF-16") == true, "\(failures)")
    }

    static let minimalSite: [String: String] = [
        "site.yml": "title: Minimal\nbase_url: https://example.org/\n",
        "communities/c/community.md": "---\nname: C\nstreet: S\n---\n",
    ]
}
