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

/// Records of one day are ordered by title as Swift orders strings; most titles are compared
/// by their bytes, which must never give another order.
@Suite("Title order")
struct TitleOrderTests {
    /// Pieces that are always composed, and pieces that are not (accents written either way,
    /// a combining mark, a compatibility ideograph, Hangul, a ligature).
    static let pieces = ["Lift", "lift", "lift ", "电梯", "电梯维修", "居民", "（通知）", "“会议”", "—", "Zebra", "a", "",
                         "Élan", "E\u{301}lan", "\u{F9F3}", "丽", "한국", "ﬁ", "a\u{302A}", "\u{3099}"]

    static func title(_ generator: inout SeededGenerator) -> String {
        (0..<Int.random(in: 1...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test func bytesOrderComposedTitlesAsSwiftDoes() {
        var generator = SeededGenerator(seed: 11)
        var compared = 0
        for _ in 0..<20_000 {
            let a = Self.title(&generator), b = Self.title(&generator)
            guard TitleOrder.alwaysComposed(a), TitleOrder.alwaysComposed(b) else { continue }
            compared += 1
            let bytes = TitleOrder.byteOrder(a, b)
            #expect((bytes < 0) == (a < b) && (bytes == 0) == (a == b), "\(a) and \(b)")
            #expect(Array(a.precomposedStringWithCanonicalMapping.utf8) == Array(a.utf8), "\(a) is not composed")
        }
        #expect(compared > 1_000)
        #expect(TitleOrder.alwaysComposed("关于电梯维修的协商议事会（第3轮）") && TitleOrder.alwaysComposed("Lift repairs — “round 2”"))
        #expect(!TitleOrder.alwaysComposed("E\u{301}lan") && !TitleOrder.alwaysComposed("\u{F9F3}") && !TitleOrder.alwaysComposed("Élan"))
    }

    @Test func aDaysRecordsAreOrderedAsByTheFullComparison() {
        var generator = SeededGenerator(seed: 12)
        let days = [SimpleDate(year: 2024, month: 5, day: 18), SimpleDate(year: 2024, month: 5, day: 19), nil]
        let records = (0..<400).map { index in
            Record(kind: .meetings, community: ["north", "south"].randomElement(using: &generator)!, slug: "m-\(index)",
                   sourcePath: "communities/c/meetings/m-\(index).md", title: Self.title(&generator),
                   date: days.randomElement(using: &generator)!, tags: [], draft: false, body: "", bundleAssets: [],
                   details: .activity(Activity(category: .other, endDate: nil, time: nil, location: nil, organizer: nil,
                                               partners: [], participants: nil, volunteers: nil)))
        }
        let site = SiteConfig(title: "T", language: "en", baseURL: nil, description: nil, publisher: nil, timeZone: "UTC",
                              pageSize: 10, unsafeHTML: false)
        var indexer = SiteIndexer(includeDrafts: false, today: SimpleDate(year: 2024, month: 6, day: 1))
        let graph = indexer.index(ParsedContent(site: site, pages: [], communities: [], records: records))
        #expect(graph.records.map(\.slug) == records.sorted(by: SiteGraph.newestFirst).map(\.slug))
    }
}
