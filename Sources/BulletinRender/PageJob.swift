import BulletinContent
import BulletinModel
import BulletinSite
import BulletinSupport
import Foundation

/// One file of the output site, described but not yet rendered. The list of jobs is the
/// site map; rendering them is independent work that runs in parallel.
public enum PageJob: Sendable {
    // The large payloads are boxed (`indirect`): a job is then a few words, not the 260 bytes of
    // a community profile, and the 13,000 jobs of a site are made, copied and read that much faster.
    case home
    case notFound
    case communities
    indirect case community(CommunityNode)
    indirect case list(ListPage)
    case record(Record)
    indirect case freePage(FreePage)
    case tags
    indirect case tag(TagNode, ListPage)
    indirect case feed(community: CommunityNode?)
    case sitemap
    case copy(from: URL, to: String)
    /// A page of a type the engine does not list itself.
    case custom(any PageType)

    /// The content file this output comes from, for messages a writer can act on.
    public func sourcePath(contentRoot: URL) -> String? {
        switch self {
        case .record(let record): return record.sourcePath
        case .freePage(let page): return page.sourcePath
        case .copy(let url, _):
            let root = contentRoot.standardizedFileURL.path + "/"
            let path = url.standardizedFileURL.path
            return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : nil
        default: return nil
        }
    }

    public var outputPath: String {
        switch self {
        case .home: Routes.home
        case .notFound: Routes.notFound
        case .communities: Routes.communities
        case .community(let node): Routes.community(node.profile.id)
        case .list(let page), .tag(_, let page): page.path
        case .record(let record): Routes.record(record)
        case .freePage(let page): Routes.page(page.slug)
        case .tags: Routes.tags
        case .feed(let community): community.map { Routes.communityFeed($0.profile.id) } ?? Routes.feed
        case .sitemap: Routes.sitemap
        case .copy(_, let to): to
        case .custom(let page): page.outputPath
        }
    }
}

/// One page of a paginated list.
public struct ListPage: Sendable {
    public let title: String
    let folder: String
    public let number: Int
    public let pageCount: Int
    public let records: ArraySlice<Record>
    public let community: String?

    var path: String { Routes.listPage(folder, number) }

    /// What a list page shows: its title, place among the pages, community and records.
    func inputs(_ read: (PageInput) -> Void) {
        read(.text(title))
        read(.number(number))
        read(.number(pageCount))
        read(.text(community ?? ""))
        for record in records { read(.listing(record)) }
    }

    /// Splits `records` into pages of `size`; an empty list still gets its first page.
    static func paginate(_ records: [Record], size: Int, title: String, folder: String, community: String?) -> [ListPage] {
        let count = max(1, (records.count + size - 1) / size)
        return (1...count).map { number in
            let start = (number - 1) * size
            let slice = records[min(start, records.count)..<min(start + size, records.count)]
            return ListPage(title: title, folder: folder, number: number, pageCount: count, records: slice, community: community)
        }
    }
}

extension SiteGraph {
    /// Every file the site consists of, in a fixed order.
    public func jobs(strings: ThemeStrings, contentRoot: URL, theme: [SourceFile], media: [SourceFile]) -> [PageJob] {
        var jobs: [PageJob] = [.home, .notFound, .communities, .tags]
        jobs += pages.map(PageJob.freePage)
        let size = site.pageSize
        for node in communities {
            jobs.append(.community(node))
            for kind in RecordKind.allCases {
                let title = "\(strings.text(kind.rawValue)) · \(node.profile.name)"
                jobs += ListPage.paginate(node.list(kind), size: size, title: title,
                                          folder: Routes.communityList(node.profile.id, kind), community: node.profile.id)
                    .map(PageJob.list)
            }
        }
        for kind in Routes.siteWideKinds {
            jobs += ListPage.paginate(records(kind), size: size, title: strings.text(kind.rawValue),
                                      folder: Routes.siteList(kind), community: nil).map(PageJob.list)
        }
        for tag in tags {
            jobs += ListPage.paginate(tag.records, size: size, title: tag.name, folder: Routes.tagFolder(tag.slug), community: nil)
                .map { PageJob.tag(tag, $0) }
        }
        for record in records {
            jobs.append(.record(record))
            guard !record.bundleAssets.isEmpty else { continue }
            let folder = Routes.recordFolder(record)
            let bundleRoot = String(record.sourcePath.dropLast("index.md".count))
            jobs += record.bundleAssets.map { asset in
                .copy(from: contentRoot.appendingPathComponent(asset), to: folder + "/" + asset.dropFirst(bundleRoot.count))
            }
        }
        if site.baseURL != nil {
            jobs.append(.feed(community: nil))
            jobs += communities.map { .feed(community: $0) }
            jobs.append(.sitemap)
        }
        jobs += theme.map { .copy(from: $0.url, to: $0.path) }
        jobs += media.map { .copy(from: $0.url, to: $0.path) }
        return jobs
    }
}
