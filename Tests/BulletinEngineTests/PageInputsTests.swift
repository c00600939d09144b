import Foundation
import Synchronization
import Testing
@testable import BulletinContent
@testable import BulletinEngine
@testable import BulletinIncremental
@testable import BulletinModel
@testable import BulletinOutput
@testable import BulletinRender
@testable import BulletinSite
@testable import BulletinSupport

/// A page type added from outside the engine is fingerprinted from what it declares it reads:
/// it is rendered again when, and only when, one of its inputs changes.
@Suite("Page inputs")
struct PageInputsTests {
    /// Lists the titles of one community's meetings; counts how often it is rendered.
    struct MeetingTitles: PageType {
        let community: String
        let renders: Counter
        var outputPath: String { "communities/\(community)/meeting-titles.txt" }

        func meetings(_ graph: SiteGraph) -> [Record] {
            graph.communities.first { $0.profile.id == community }?.list(.meetings) ?? []
        }

        func inputs(in graph: SiteGraph, _ read: (PageInput) -> Void) {
            for meeting in meetings(graph) { read(.listing(meeting)) }
        }

        func bytes(_ renderer: SiteRenderer, path: String) -> [UInt8] {
            renders.add()
            return Array(meetings(renderer.graph).map(\.title).joined(separator: "\n").utf8)
        }
    }

    final class Counter: Sendable {
        private let count = Mutex(0)
        func add() { count.withLock { $0 += 1 } }
        func take() -> Int { count.withLock { value in defer { value = 0 }; return value } }
    }

    static let riverside = "communities/riverside/meetings/2024-03-05-lift-round-1.md"
    static let hilltop = "communities/hilltop/meetings/2024-02-10-parking-bench.md"

    func build(_ site: TestSite, _ counter: Counter) throws -> String {
        var options = site.options()
        options.extraPages = { _ in [MeetingTitles(community: "riverside", renders: counter)] }
        _ = try Builder(options: options).build()
        return try String(contentsOf: site.output.appendingPathComponent("communities/riverside/meeting-titles.txt"), encoding: .utf8)
    }

    @Test func aPageTypeIsRenderedAgainWhenAndOnlyWhenWhatItReadsChanges() throws {
        let site = try TestSite.fixture("en-site")
        let renders = Counter()
        #expect(try build(site, renders).contains("Lift in building 3, round 1"))
        #expect(renders.take() == 1)

        _ = try build(site, renders)
        #expect(renders.take() == 0, "nothing changed")

        try site.write(Self.hilltop, try site.read(Self.hilltop).replacingOccurrences(of: "title: ", with: "title: Renamed "))
        _ = try build(site, renders)
        #expect(renders.take() == 0, "another community's meeting is not among its inputs")

        try site.write(Self.riverside, try site.read(Self.riverside) + "\nA paragraph added at the end.\n")
        _ = try build(site, renders)
        #expect(renders.take() == 0, "the body below the first paragraph is not what lists show")

        try site.write(Self.riverside, try site.read(Self.riverside).replacingOccurrences(of: "round 1\"", with: "first round\""))
        let titles = try build(site, renders)
        #expect(renders.take() == 1, "a title it lists changed")
        #expect(titles.contains("Lift in building 3, first round"))
    }

    /// The same page declaring nothing is never rendered again: the declaration, not the
    /// renderer, decides, so a page must declare all it shows.
    @Test func aPageIsFingerprintedFromItsDeclarationAlone() throws {
        struct Undeclared: PageType {
            let inner: MeetingTitles
            var outputPath: String { inner.outputPath }
            func inputs(in graph: SiteGraph, _ read: (PageInput) -> Void) {}
            func bytes(_ renderer: SiteRenderer, path: String) -> [UInt8] { inner.bytes(renderer, path: path) }
        }
        let site = try TestSite.fixture("en-site")
        let renders = Counter()
        var options = site.options()
        options.extraPages = { _ in [Undeclared(inner: MeetingTitles(community: "riverside", renders: renders))] }
        _ = try Builder(options: options).build()
        #expect(renders.take() == 1)
        try site.write(Self.riverside, try site.read(Self.riverside).replacingOccurrences(of: "round 1\"", with: "first round\""))
        _ = try Builder(options: options).build()
        #expect(renders.take() == 0)
    }
}
