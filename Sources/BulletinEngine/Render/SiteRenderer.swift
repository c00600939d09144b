import Foundation

/// Turns page jobs into files: builds each page's view, renders it through the theme and
/// writes it into the staging folder. Jobs run in parallel; each writes only its own file.
struct SiteRenderer: Sendable {
    let graph: SiteGraph
    let theme: Theme
    let bodies: RenderedBodies
    let markdown: MarkdownRenderer
    let sitemapPaths: [String]
    /// List entries rendered once for every page that shows them.
    let fragments = SharedFragments()
    let menus = MenuViews()

    /// Writes the job's file, whose site path is `path`, at `destination` in the staging folder;
    /// returns what the file system says of the file written.
    @discardableResult
    func render(_ job: PageJob, path: String, at destination: String) throws -> stat {
        if case .copy(let source, _) = job {
            return try FileWriter.copy(source.path, to: destination)
        }
        return try FileWriter.store(bytes(of: job, path: path), at: destination)
    }

    func bytes(of job: PageJob, path: String) -> [UInt8] {
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
}
