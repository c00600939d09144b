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
/// pages, options); each page adds what it declares it reads (`PageJob.inputs`, beside the
/// code that builds its view): a record's own page the digest of its file, other pages what
/// lists show of each record (`Record.Provenance.listing`).
public struct PageFingerprints: Sendable {
    public let graph: SiteGraph
    public let site: Digest
    public let fileDigest: @Sendable (SourceFile) -> Digest?

    /// `paths` are the jobs' output paths, in the same order.
    /// `sitemapPaths` are those the sitemap lists, as the renderer is given them.
    public func fingerprints(of jobs: [PageJob], paths: [String], sitemapPaths: [String]) -> [Digest] {
        @Sendable func key(_ record: Record) -> Digest { record.listing ?? Digest.unique() }
        @Sendable func records(_ list: [Record]) -> Digest {
            var b = DigestBuilder("records")
            for record in list { b.add(key(record)) }
            return b.finish()
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
        let fileDigest = self.fileDigest
        return Parallel.map(Array(jobs.indices)) { index in
            var b = DigestBuilder("page")
            b.add(site)
            b.add(paths[index])
            // Each input is marked with its kind, so inputs of different kinds cannot read alike.
            jobs[index].inputs(in: graph) { input in
                switch input {
                case .text(let text):
                    b.add(1)
                    b.add(text)
                case .number(let number):
                    b.add(2)
                    b.add(number)
                case .listing(let record):
                    b.add(3)
                    b.add(key(record))
                case .source(let record):
                    b.add(4)
                    b.add(record.source ?? Digest.unique())
                case .everyRecord:
                    b.add(5)
                    b.add(all)
                case .community(let id):
                    b.add(6)
                    b.add(perCommunity[id] ?? Digest.unique())
                case .problemsOf(let meeting):
                    b.add(7)
                    b.add(shown[meeting.identity] ?? Digest(high: 0, low: 0))
                case .sitemapPaths:
                    b.add(8)
                    b.add(sitemap)
                case .file(let url):
                    b.add(9)
                    let file = SourceFile(path: url.path, url: url, stamp: FileStamp(of: url))
                    b.add(fileDigest(file) ?? Digest.unique())
                }
            }
            return b.finish()
        }
    }

    public init(graph: SiteGraph, site: Digest, fileDigest: @escaping @Sendable (SourceFile) -> Digest?) {
        self.graph = graph
        self.site = site
        self.fileDigest = fileDigest
    }
}
