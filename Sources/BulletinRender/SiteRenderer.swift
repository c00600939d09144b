import BulletinContent
import BulletinModel
import BulletinSite
import BulletinSupport
import Foundation

/// Turns page jobs into files: builds each page's view, renders it through the theme and
/// writes it into the staging folder. Jobs run in parallel; each writes only its own file.
public struct SiteRenderer: Sendable {
    let graph: SiteGraph
    let theme: Theme
    let bodies: RenderedBodies
    let markdown: MarkdownRenderer
    let sitemapPaths: [String]
    /// List entries rendered once for every page that shows them.
    let fragments = SharedFragments()
    let menus = MenuViews()

    public func bytes(of job: PageJob, path: String) -> [UInt8] {
        var context = PageContext(path: path, graph: graph, strings: theme.strings, bodies: bodies, menus: menus)
        let (layout, view): (String, View)
        switch job {
        case .home: (layout, view) = ("home", context.homeView())
        case .notFound:
            context.absoluteRoot = graph.site.baseURL.flatMap { URL(string: $0)?.path }.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? "/"
            (layout, view) = ("not_found", context.notFoundView())
        case .communities: (layout, view) = ("communities", context.communitiesView())
        case .community(let node):
            (layout, view) = ("community", context.communityView(node, description: markdown.render(node.profile.body).html))
        case .list(let list): (layout, view) = ("list", context.listView(list))
        case .record(let record): (layout, view) = (record.kind.singular, context.recordPageView(record))
        case .freePage(let free): (layout, view) = ("page", context.freePageView(free, body: markdown.render(free.body).html))
        case .tags: (layout, view) = ("tags", context.tagsView())
        case .tag(let tag, let list): (layout, view) = ("tag", context.tagView(tag, list))
        case .feed(let community): return Array(xml.feed(for: community).utf8)
        case .sitemap: return Array(xml.sitemap(paths: sitemapPaths).utf8)
        case .copy: return []
        case .custom(let page): return page.bytes(self, path: path)
        }
        return page(layout, view, root: context.root)
    }

    private var xml: XMLDocuments { XMLDocuments(graph: graph, bodies: bodies, base: graph.site.baseURL ?? "") }

    /// The layout renders the main content; `base` wraps it in the page frame.
    private func page(_ layout: String, _ view: View, root: String) -> [UInt8] {
        var frame = view
        frame.set("content", .bytes(theme.render(layout, view, root: root, fragments: fragments)))
        return theme.render("base", frame, root: root, fragments: fragments)
    }

    public init(graph: SiteGraph, theme: Theme, bodies: RenderedBodies, markdown: MarkdownRenderer, sitemapPaths: [String]) {
        self.graph = graph
        self.theme = theme
        self.bodies = bodies
        self.markdown = markdown
        self.sitemapPaths = sitemapPaths
    }
}

extension PageJob {
    /// What each page's view above reads of the site (see `PageInput`): its fingerprint.
    public func inputs(in graph: SiteGraph, _ read: (PageInput) -> Void) {
        switch self {
        case .home:
            read(.text(graph.today.iso))
            read(.everyRecord)
        case .notFound, .freePage: break
        case .communities, .tags: read(.everyRecord)
        case .community(let node): read(.community(node.profile.id))
        case .list(let page): page.inputs(read)
        case .tag(let tag, let page):
            read(.text(tag.name))
            page.inputs(read)
        case .record(let record):
            read(.source(record))
            switch record.kind {
            case .meetings: read(.problemsOf(meeting: record))
            case .problems: for meeting in graph.meetings(about: record) { read(.listing(meeting)) }
            case .conventions:
                if let older = graph.supersedes(record) { read(.listing(older)) }
                if let newer = graph.supersededBy(record) { read(.listing(newer)) }
            case .activities: break
            }
        case .feed(let community):
            read(.text(graph.today.iso))
            read(community.map { .community($0.profile.id) } ?? .everyRecord)
        case .sitemap: read(.sitemapPaths)
        case .copy(let source, _): read(.file(source))
        case .custom(let page): page.inputs(in: graph, read)
        }
    }
}
