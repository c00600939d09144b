import Foundation
import Testing
@testable import BulletinEngine
@testable import BulletinServe

/// `bulletin serve` as a writer uses it: a page open in real headless Chromium follows the saves.
@Suite("Preview server in a browser")
struct ServeBrowserTests {
    @Test func anOpenPageFollowsEverySaveKeepsItsPlaceAndShowsMistakes() async throws {
        let site = try TestSite.fixture("en-site")
        let meeting = ServeTests.meeting
        let original = try site.read(meeting)
        try await serving(site) { port in
            let browser = try await HeadlessChromium(width: 600, height: 400)
            do {
                try await browser.open(URL(string: "http://127.0.0.1:\(port)\(ServeTests.meetingPage)")!)
                #expect(try await browser.run("return document.querySelector('h1').textContent") as? String == "Lift in building 3, round 1")
                // A mark the reload will clear, and a place on the page it should come back to.
                let scrolled = try await browser.run("window.beforeSave = true; scrollTo(0, 250); return scrollY") as? Double ?? 0
                try site.write(meeting, original.replacingOccurrences(of: "Lift in building 3, round 1", with: "Lift in building 3, first round"))
                let after = try await eventually {
                    try await browser.run("return [document.querySelector('h1').textContent, window.beforeSave === undefined, scrollY]") as? [Any]
                } until: { ($0?.first as? String) == "Lift in building 3, first round" }
                #expect(after?.first as? String == "Lift in building 3, first round", "the page did not reload by itself")
                #expect(after?[1] as? Bool == true, "reloaded, not patched in place")
                #expect(abs((after?[2] as? Double ?? -1) - scrolled) < 2, "the scroll position is kept: \(String(describing: after)) vs \(scrolled)")

                try site.write(meeting, original.replacingOccurrences(of: "format: council", with: "format: councel"))
                let broken = try await eventually {
                    try await browser.run("return [document.querySelector('h1').textContent, document.body.innerText]") as? [String]
                } until: { $0?.first == "The site could not be built" }
                #expect(broken?.first == "The site could not be built")
                #expect(broken?.last?.contains("\(meeting) line 3, column 9") == true, "\(broken?.last ?? "")")
                #expect(broken?.last?.contains("did you mean \"council\"?") == true)

                try site.write(meeting, original)
                let fixed = try await eventually {
                    try await browser.run("return document.querySelector('h1').textContent") as? String
                } until: { $0 == "Lift in building 3, round 1" }
                #expect(fixed == "Lift in building 3, round 1")
            } catch {
                await browser.close()
                throw error
            }
            await browser.close()
        }
    }
}
