import Foundation

/// Turns page jobs into files: builds each page's view, renders it through the theme and
/// writes it into the staging folder. Jobs run in parallel; each writes only its own file.
struct SiteRenderer: Sendable {
    let graph: SiteGraph
    let theme: Theme
    let bodies: RenderedBodies
    let markdown: MarkdownRenderer
    let sitemapPaths: [String]

    /// Writes the job's file, whose site path is `path`, at `destination` in the staging folder.
    func render(_ job: PageJob, path: String, at destination: String) throws {
        if case .copy(let source, _) = job {
            try FileWriter.copy(source.path, to: destination)
            return
        }
        try FileWriter.store(text(of: job, path: path), at: destination)
    }

    func text(of job: PageJob, path: String) -> String {
        var context = PageContext(path: path, graph: graph, strings: theme.strings, bodies: bodies)
        switch job {
        case .home: return page("home", context.homeView())
        case .notFound:
            context.absoluteRoot = graph.site.baseURL.flatMap { URL(string: $0)?.path }.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? "/"
            return page("not_found", context.notFoundView())
        case .communities: return page("communities", context.communitiesView())
        case .community(let node):
            return page("community", context.communityView(node, description: markdown.render(node.profile.body).html))
        case .list(let list): return page("list", context.listView(list))
        case .record(let record): return page(record.kind.singular, context.recordPageView(record))
        case .freePage(let free): return page("page", context.freePageView(free, body: markdown.render(free.body).html))
        case .tags: return page("tags", context.tagsView())
        case .tag(let tag, let list): return page("tag", context.tagView(tag, list))
        case .feed(let community): return xml.feed(for: community)
        case .sitemap: return xml.sitemap(paths: sitemapPaths)
        case .copy: return ""
        }
    }

    private var xml: XMLDocuments { XMLDocuments(graph: graph, bodies: bodies, base: graph.site.baseURL ?? "") }

    /// The layout renders the main content; `base` wraps it in the page frame.
    private func page(_ layout: String, _ view: View) -> String {
        var frame = view
        frame["content"] = theme.render(layout, view)
        return theme.render("base", frame)
    }
}
