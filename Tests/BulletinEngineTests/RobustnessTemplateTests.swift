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

/// A broken copy of the theme: every problem is reported with the template file and line,
/// and nothing is written.
@Suite("Robustness: templates")
struct RobustnessTemplateTests {
    /// Builds the minimal site with a copy of the theme changed by `breakIt`.
    static func failures(_ breakIt: (URL) throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) throws -> (lines: [String], site: TestSite) {
        let (templates, owner) = try Robust.themeCopy()
        try breakIt(templates)
        let site = try Robust.site([Robust.meetingPath: Robust.meeting])
        var options = site.options()
        options.templates = templates
        return withExtendedLifetime(owner) {
            do {
                _ = try Builder(options: options).build()
                Issue.record("the build succeeded", sourceLocation: sourceLocation)
                return ([], site)
            } catch {
                return (Robust.lines(error), site)
            }
        }
    }

    static let meetingLayout = "layouts/meeting.mustache"

    @Test func aMissingPartialIsNamedWithItsLine() throws {
        let (lines, site) = try Self.failures { try Robust.edit($0.appendingPathComponent(Self.meetingLayout), replacing: "{{> vote}}", with: "{{> vot}}") }
        #expect(lines == [
            "Templates/layouts/meeting.mustache:81:5: error: includes the partial \"vot\", but there is no partials/vot.mustache; did you mean \"vote\"?",
        ])
        Robust.expectNothingWritten(site)
    }

    /// `{{> nope}}` has no near partial name, so the partials are listed, at the tag's column.
    @Test func aMissingPartialWithNoNearNameListsThePartials() throws {
        let (lines, site) = try Self.failures { try Robust.edit($0.appendingPathComponent(Self.meetingLayout), replacing: "{{> vote}}", with: "{{> nope}}") }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Templates/layouts/meeting.mustache:81:") == true, "\(lines)")
        Robust.expectNothingWritten(site)
        #expect(lines == [
            "Templates/layouts/meeting.mustache:81:5: error: includes the partial \"nope\", but there is no partials/nope.mustache; expected one of: community-card, facts, pagination, record-item, record-list, street, tag-list, vote",
        ])
    }

    @Test func aControlCharacterInTheStringsIsRefused() throws {
        let (lines, site) = try Self.failures {
            try Robust.edit($0.appendingPathComponent("strings/en.yml"), replacing: "home: \"Home\"", with: "home: \"Ho\\0me\"")
        }
        #expect(lines == [
            "Templates/strings/en.yml:1:1: error: ui.home: holds the invisible control character U+0000, which a page cannot show; remove it (in quotes it may be written as an escape such as \\x00)",
        ])
        Robust.expectNothingWritten(site)
    }

    @Test func aNulByteInATemplateIsRefused() throws {
        let (lines, site) = try Self.failures {
            try Robust.edit($0.appendingPathComponent("partials/vote.mustache"), replacing: "{{", with: "\u{0}{{")
        }
        #expect(lines == [
            "Templates/partials/vote.mustache:1:1: error: holds a NUL byte, which a page cannot show; save the template as plain UTF-8 text",
        ])
        Robust.expectNothingWritten(site)
    }

    @Test func aDeletedPartialIsReportedAtEveryUse() throws {
        let (lines, site) = try Self.failures { try FileManager.default.removeItem(at: $0.appendingPathComponent("partials/vote.mustache")) }
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains(": error: includes the partial \"vote\", but there is no partials/vote.mustache") }, "\(lines)")
        #expect(lines.map { $0.prefix { $0 != " " } } == ["Templates/layouts/convention.mustache:33:5:", "Templates/layouts/meeting.mustache:81:5:"])
        Robust.expectNothingWritten(site)
    }

    @Test func aSectionClosedWithTheWrongNameIsLocated() throws {
        let (lines, site) = try Self.failures { try Robust.edit($0.appendingPathComponent(Self.meetingLayout), replacing: "{{/.summary}}", with: "{{/.summry}}") }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Templates/layouts/meeting.mustache:28:") == true, "\(lines)")
        Robust.expectNothingWritten(site)
        #expect(lines.first?.contains("sectionCloseNameIncorrect") == false, "\(lines)")
        #expect(lines.first?.contains("{{#.summary}}") == true, "should name the section that is open: \(lines)")
    }

    /// `{{> vote` on line 81 never closes; the parser reads on to line 82, but 81 is reported.
    @Test func anUnfinishedTagIsLocatedOnItsOwnLine() throws {
        let (lines, site) = try Self.failures { try Robust.edit($0.appendingPathComponent(Self.meetingLayout), replacing: "{{> vote}}", with: "{{> vote") }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Templates/layouts/meeting.mustache:") == true, "\(lines)")
        Robust.expectNothingWritten(site)
        #expect(lines.first?.hasPrefix("Templates/layouts/meeting.mustache:81:") == true, "\(lines)")
        #expect(lines.first?.contains("unfinishedName") == false, "\(lines)")
    }

    @Test(arguments: ["problem", "base", "not_found"])
    func aLayoutTheSiteNeedsButTheThemeLacksIsNamed(_ layout: String) throws {
        let (lines, site) = try Self.failures { try FileManager.default.removeItem(at: $0.appendingPathComponent("layouts/\(layout).mustache")) }
        #expect(lines == [
            "Templates/layouts/\(layout).mustache:1:1: error: the theme has no \(layout) layout, which the site needs; add layouts/\(layout).mustache",
        ])
        Robust.expectNothingWritten(site)
    }

    @Test func aTemplateThatIsNotUTF8IsNamed() throws {
        let (lines, site) = try Self.failures { try Data([0x3C, 0x70, 0xFF, 0x3E]).write(to: $0.appendingPathComponent("partials/vote.mustache")) }
        #expect(lines.contains("Templates/partials/vote.mustache:1:1: error: cannot be read as UTF-8 text; save the template as UTF-8"), "\(lines)")
        Robust.expectNothingWritten(site)
        #expect(lines == ["Templates/partials/vote.mustache:1:1: error: cannot be read as UTF-8 text; save the template as UTF-8"])
    }
}
