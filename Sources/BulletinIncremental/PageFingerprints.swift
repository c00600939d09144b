import BulletinContent
import BulletinModel
import BulletinOutput
import BulletinRender
import BulletinSite
import BulletinSupport
import Foundation

/// A digest per output file of everything that file is made from, computed from the site
/// graph without rendering. Two builds that give a page the same fingerprint give it the
/// same bytes, so an unchanged page is neither rendered nor written again.
///
/// `site` covers what every page shows (engine, theme, site.yml, community profiles, free
/// pages, options); each page adds the records it shows: a record's own page by the digest
/// of its file, every other page by what lists show of it (`Record.Provenance.listing`).
public struct PageFingerprints: Sendable {
    let graph: SiteGraph
    let site: Digest
    let fileDigest: @Sendable (SourceFile) -> Digest?

    /// `paths` are the jobs' output paths, in the same order.
    /// `sitemapPaths` are those the sitemap lists, as the renderer is given them.
    public func fingerprints(of jobs: [PageJob], paths: [String], sitemapPaths: [String]) -> [Digest] {
        @Sendable func key(_ record: Record) -> Digest { record.listing ?? Digest.unique() }
        @Sendable func records(_ list: [Record]) -> Digest {
            var b = DigestBuilder("records")
            for record in list { b.add(key(record)) }
            return b.finish()
        }
        @Sendable func add(_ page: ListPage, to b: inout DigestBuilder) {
            b.add(page.title)
            b.add(page.number)
            b.add(page.pageCount)
            b.add(page.community)
            for record in page.records { b.add(key(record)) }
        }
        // The digests many pages share, each over thousands of records or paths, made at once.
        let graph = self.graph
        let everyRecord = Background { records(graph.records) }
        let byCommunity = Background {
            Dictionary(uniqueKeysWithValues: graph.communities.map { node in
                (node.profile.id, records(RecordKind.allCases.flatMap(node.list)))
            })
        }
        // The problems each meeting's page shows, as one sum of their digests per meeting:
        // gathered from each problem's meetings (a thousand lookups), not from each meeting's
        // problems (ten thousand, each hashing two strings). A sum, in no order: the page shows
        // them in the meeting's order, which the meeting's own digest covers.
        let problemsShown = Background {
            var sums: [ObjectIdentifier: Digest] = [:]
            for problem in graph.records(.problems) {
                let digest = key(problem)
                for meeting in graph.meetings(about: problem) {
                    let sum = sums[meeting.identity] ?? Digest(high: 0, low: 0)
                    sums[meeting.identity] = Digest(high: sum.high &+ digest.high, low: sum.low &+ digest.low)
                }
            }
            return sums
        }
        // The sitemap lists page addresses and nothing else.
        var listed = DigestBuilder("sitemap")
        for path in sitemapPaths { listed.add(path) }
        let sitemap = listed.finish()
        let (all, perCommunity, shown) = (everyRecord.value, byCommunity.value, problemsShown.value)
        return Parallel.map(Array(jobs.indices)) { index in
            let job = jobs[index]
            var b = DigestBuilder("page")
            b.add(site)
            b.add(paths[index])
            switch job {
            case .home:
                b.add(graph.today.iso)
                b.add(all)
            case .notFound, .freePage: break
            case .communities, .tags: b.add(all)
            case .sitemap: b.add(sitemap)
            case .community(let node): b.add(perCommunity[node.profile.id]!)
            case .list(let page): add(page, to: &b)
            case .tag(let tag, let page):
                b.add(tag.name)
                add(page, to: &b)
            case .record(let record) where record.kind == .meetings:
                b.add(record.source ?? Digest.unique())
                b.add(shown[record.identity] ?? Digest(high: 0, low: 0))
            case .record(let record):
                b.add(record.source ?? Digest.unique())
                for linked in linkedRecords(record) { b.add(key(linked)) }
            case .feed(let community):
                b.add(graph.today.iso)
                b.add(community.map { perCommunity[$0.profile.id]! } ?? all)
            case .copy(let source, _):
                let file = SourceFile(path: source.path, url: source, stamp: FileStamp(of: source))
                if let digest = fileDigest(file) { b.add(digest) } else { b.add(UUID().uuidString) }
            }
            return b.finish()
        }
    }

    /// The other records a record's page shows: a problem's meetings, the conventions one
    /// supersedes or is superseded by. A meeting's problems are not looked up here: they are
    /// summed in `problemsShown`.
    private func linkedRecords(_ record: Record) -> [Record] {
        switch record.kind {
        case .meetings: []
        case .problems: graph.meetings(about: record)
        case .conventions: [graph.supersedes(record), graph.supersededBy(record)].compactMap { $0 }
        case .activities: []
        }
    }

    public init(graph: SiteGraph, site: Digest, fileDigest: @escaping @Sendable (SourceFile) -> Digest?) {
        self.graph = graph
        self.site = site
        self.fileDigest = fileDigest
    }
}
