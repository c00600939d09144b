import BulletinContent
import BulletinModel
import BulletinSupport

/// Builds the site graph from parsed content: checks that references resolve and that no two
/// files claim the same page, drops drafts unless asked, and sorts everything once.
public struct SiteIndexer {
    let includeDrafts: Bool
    let today: SimpleDate
    public private(set) var diagnostics: [Diagnostic] = []

    public init(includeDrafts: Bool, today: SimpleDate) {
        self.includeDrafts = includeDrafts
        self.today = today
    }

    public mutating func index(_ content: ParsedContent) -> SiteGraph {
        let all = content.records
        let published = all.filter { includeDrafts || !$0.draft }
        // Sorted on another core while this one checks addresses; tags are matched to their
        // pages on a third meanwhile.
        let sorting = Background { [published] in Self.newestFirst(published) }
        let matching = Background { [published] in TagIndex(published) }
        let keys = all.map { SiteGraph.key($0.community, $0.kind, $0.slug) }
        let byKey = keyed(all, keys)
        let hasDrafts = published.count != all.count
        let publishedKeys = hasDrafts ? Set(all.indices.filter { !all[$0].draft }.map { keys[$0] }) : nil
        let checking = Background { [includeDrafts, today] in
            Self.references(all, byKey: byKey, publishedKeys: publishedKeys, includeDrafts: includeDrafts, today: today)
        }
        let order = sorting.value
        let sorted = order.map { published[$0] }
        // Once the order is known, the tag lists and the links between records are made on
        // other cores while this one groups the records by community.
        let tagging = Background { [published] in matching.value.nodes(of: published, in: order) }
        let linking = Background { [sorted] in Self.links(sorted) }
        var grouped: [String: Group] = [:]
        var byKind = Array(repeating: [Record](), count: RecordKind.allCases.count)
        for record in sorted {
            grouped[record.community, default: Group()].add(record)
            byKind[record.kind.order].append(record)
        }
        let communities = content.communities.sorted { ($0.name, $0.id) < ($1.name, $1.id) }.map { profile in
            let group = grouped[profile.id] ?? Group()
            return CommunityNode(profile: profile, records: group.byKind, all: group.all)
        }
        let pages = content.pages.filter { includeDrafts || !$0.draft }
            .sorted { ($0.menu ?? Int.max, $0.title, $0.slug) < ($1.menu ?? Int.max, $1.title, $1.slug) }
        let (tags, tagSlugs) = tagging.value
        let (meetingsByProblem, supersededBy) = linking.value
        diagnostics += checking.value
        return SiteGraph(site: content.site, today: today, pages: pages, communities: communities,
                         records: sorted, recordsByKind: byKind, tags: tags, meetingsByProblem: meetingsByProblem,
                         supersededBy: supersededBy,
                         recordsByKey: publishedKeys.map { published in byKey.filter { published.contains($0.key) } } ?? byKey,
                         communitiesByID: Dictionary(content.communities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                         tagSlugs: tagSlugs)
    }

    /// Every record by its page address. Two records that claim one address are reported in
    /// the order of their files' paths, so the message does not depend on the folder listing:
    /// the records are sorted for that only when a clash is found, which is rare.
    private mutating func keyed(_ all: [Record], _ keys: [RecordKey]) -> [RecordKey: Record] {
        var byKey: [RecordKey: Record] = Dictionary(minimumCapacity: all.count)
        var clash = false
        for index in all.indices where byKey.updateValue(all[index], forKey: keys[index]) != nil { clash = true }
        guard clash else { return byKey }
        byKey.removeAll(keepingCapacity: true)
        // Indices are sorted, not records: a record is large, and moving it costs a retain per field.
        for index in all.indices.sorted(by: { all[$0].sourcePath < all[$1].sourcePath }) {
            let record = all[index]
            if let other = byKey[keys[index]] {
                report(record.sourcePath, Message(.pageAddressClash, ["other": other.sourcePath, "slug": record.slug, "kind": record.kind.phrase]))
            } else {
                byKey[keys[index]] = record
            }
        }
        return byKey
    }

    /// One community's records, in the order they are added, and by kind.
    private struct Group {
        var all: [Record] = []
        var byKind: [RecordKind: [Record]] = [:]

        mutating func add(_ record: Record) {
            all.append(record)
            byKind[record.kind, default: []].append(record)
        }
    }

    /// Newest first, as places in `records`. The records are sorted by day alone, as plain
    /// numbers that also hold each record's place (so equal days keep their order), and then
    /// each day's few records by the rest of the order: comparing records field by field
    /// across the whole list was most of the index stage.
    private static func newestFirst(_ records: [Record]) -> [Int] {
        let keys = records.indices.map { index -> UInt64 in
            let day = records[index].date.map { $0.year * 10_000 + $0.month * 100 + $0.day } ?? -1
            return UInt64(Int64(Int32.max) - Int64(day)) << 32 | UInt64(index)
        }.sorted()
        var order = keys.map { Int($0 & 0xFFFF_FFFF) }
        let titles = TitleBytes(records.map(\.title))
        order.withUnsafeMutableBufferPointer { order in
            var start = 0
            while start < keys.count {
                var end = start + 1
                while end < keys.count, keys[end] >> 32 == keys[start] >> 32 { end += 1 }
                if end - start > 1 {
                    // By title, community, kind and slug, as `SiteGraph.newestFirst` orders a day's
                    // records; titles that are always composed compare by their bytes, which is
                    // Swift's order for them, without the Unicode comparison Chinese titles need as strings.
                    var day = UnsafeMutableBufferPointer(rebasing: order[start..<end])
                    day.sort { i, j in
                        if let order = titles.byteOrder(i, j), order != 0 { return order < 0 }
                        let (x, y) = (records[i], records[j])
                        guard titles.byteOrder(i, j) != nil else { return SiteGraph.newestFirst(x, y) }
                        return (x.community, x.kind, x.slug) < (y.community, y.kind, y.slug)
                    }
                }
                start = end
            }
        }
        return order
    }

    /// Which meetings dealt with each problem, oldest first, and which convention replaced each.
    private static func links(_ sorted: [Record]) -> ([RecordKey: [Record]], [RecordKey: Record]) {
        var meetingsByProblem: [RecordKey: [Record]] = [:]
        var supersededBy: [RecordKey: Record] = [:]
        for record in sorted.reversed() {
            for problem in record.links.problems {
                meetingsByProblem[SiteGraph.key(record.community, .problems, problem), default: []].append(record)
            }
            if let old = record.links.supersedes {
                supersededBy[SiteGraph.key(record.community, .conventions, old)] = record
            }
        }
        return (meetingsByProblem, supersededBy)
    }

    /// What is wrong with the records' references to each other, and scheduled meetings whose
    /// day has passed. `publishedKeys` is nil when every record is published.
    private static func references(_ records: [Record], byKey: [RecordKey: Record], publishedKeys: Set<RecordKey>?,
                                   includeDrafts: Bool, today: SimpleDate) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func report(_ path: String, at place: (field: String, position: FieldPosition), severity: Diagnostic.Severity = .error, _ problem: Message) {
            diagnostics.append(Self.diagnostic(path, at: place.position, field: place.field, severity: severity, problem))
        }
        for record in records where includeDrafts || !record.draft {
            // A function, not a closure value: one was allocated for every record.
            func at(_ field: FieldSpec) -> (field: String, position: FieldPosition) {
                (field.key, record.fieldPositions[field.key] ?? FieldPosition(line: 1, column: 1))
            }
            if record.links.meetingStatus == .scheduled, let date = record.date, date < today {
                report(record.sourcePath, at: at(MeetingFields.status), severity: .warning, Message(.meetingDatePassed))
            }
            for slug in record.links.problems {
                let key = SiteGraph.key(record.community, .problems, slug)
                if byKey[key] == nil {
                    let known = records.filter { $0.community == record.community && $0.kind == .problems }.map(\.slug).sorted()
                    let hint = known.isEmpty ? Message(.noProblemsYet, ["slug": slug]) : Suggestion.hint(for: slug, in: known)
                    report(record.sourcePath, at: at(MeetingFields.problems),
                           Message(.problemUnknown, ["slug": slug, "community": record.community, "hint": hint]))
                } else if let publishedKeys, !publishedKeys.contains(key) {
                    report(record.sourcePath, at: at(MeetingFields.problems), severity: .warning, Message(.problemIsDraft, ["slug": slug]))
                }
            }
            if let old = record.links.supersedes {
                let key = SiteGraph.key(record.community, .conventions, old)
                if old == record.slug {
                    report(record.sourcePath, at: at(ConventionFields.supersedes), Message(.conventionSupersedesItself))
                } else if byKey[key] == nil {
                    let known = records.filter { $0.community == record.community && $0.kind == .conventions && $0.slug != record.slug }
                        .map(\.slug).sorted()
                    let hint = known.isEmpty ? Message(.noOtherConvention) : Suggestion.hint(for: old, in: known)
                    report(record.sourcePath, at: at(ConventionFields.supersedes),
                           Message(.conventionUnknown, ["slug": old, "community": record.community, "hint": hint]))
                }
            }
        }
        return diagnostics
    }

    private mutating func report(_ path: String, _ problem: Message) {
        diagnostics.append(Self.diagnostic(path, at: FieldPosition(line: 1, column: 1), field: nil, severity: .error, problem))
    }

    private static func diagnostic(_ path: String, at position: FieldPosition, field: String?,
                                   severity: Diagnostic.Severity, _ problem: Message) -> Diagnostic {
        Diagnostic(severity, path: path, line: position.line, column: position.column, field: field, problem)
    }
}
