/// Builds the values for one output page. URLs are made relative to that page here.
struct PageContext {
    let path: String
    let graph: SiteGraph
    let strings: ThemeStrings
    let bodies: RenderedBodies
    /// Set for 404.html, which a server shows at any address: links start from the site root.
    var absoluteRoot: String?
    /// `../` per folder to the site root, worked out once per page: every link starts with it.
    private let relativeRoot: String

    init(path: String, graph: SiteGraph, strings: ThemeStrings, bodies: RenderedBodies) {
        self.path = path
        self.graph = graph
        self.strings = strings
        self.bodies = bodies
        relativeRoot = Routes.rootPrefix(of: path)
    }

    var root: String { absoluteRoot ?? relativeRoot }

    func url(_ target: String) -> String {
        root + Routes.percentEncoded(target)
    }

    func date(_ date: SimpleDate?) -> View? {
        date.map { View(typed: ["iso": .text($0.iso), "text": .text(strings.format($0))]) }
    }

    func choice<E: ContentEnum>(_ value: E?) -> View? {
        value.map { View(typed: ["value": .text($0.rawValue), "label": .text(strings.label($0))]) }
    }

    func communityLink(_ id: String) -> View {
        View(typed: ["name": .text(graph.community(id)?.name ?? id), "url": .text(url(Routes.community(id)))])
    }

    func tagLinks(_ tags: [String]) -> [View] {
        var seen: [String] = []
        return tags.compactMap { tag in
            let slug = graph.tagSlug(tag)
            guard !seen.contains(slug) else { return nil }
            seen.append(slug)
            return View(typed: ["name": .text(tag), "url": .text(url(Routes.listPage(Routes.tagFolder(slug), 1)))])
        }
    }

    /// An entry of any list. Made for every entry of every list, so its values are set typed.
    func summary(_ record: Record) -> View {
        let kind = record.kind.singular
        var view = View(typed: [
            "title": .text(record.title), "url": .text(url(Routes.record(record))), "kind": .text(kind),
            "kind_label": .text(strings.kinds[kind]?.one ?? kind),
            "community": .view(communityLink(record.community)), "draft": .flag(record.draft),
        ])
        view.set("date", date(record.date).map(ViewValue.view))
        view.set("summary", bodies.summary(of: record).map(ViewValue.text))
        view.setList("tags", tagLinks(record.tags))
        switch record.details {
        case .meeting(let m):
            view.set("time", m.time.map { .text($0.description) })
            view.set("location", m.location.map(ViewValue.text))
            view.set("status", choice(m.status).map(ViewValue.view))
            view.set("format", choice(m.format).map(ViewValue.view))
            view.set("outcome", choice(m.outcome).map(ViewValue.view))
        case .activity(let a):
            view.set("time", a.time.map { .text($0.description) })
            view.set("location", a.location.map(ViewValue.text))
            view.set("category", choice(a.category).map(ViewValue.view))
        case .convention(let c):
            view.set("status", choice(c.status).map(ViewValue.view))
        case .problem(let p):
            view.set("status", choice(p.status).map(ViewValue.view))
            view.set("urgent", .flag(p.urgent))
        }
        return view
    }

    func summaries(_ records: [Record]) -> [View] { records.map(summary) }

    func communitySummary(_ node: CommunityNode) -> View {
        let problems = node.list(.problems)
        var view: View = [
            "name": node.profile.name, "url": url(Routes.community(node.profile.id)), "street": node.profile.street,
            "counts": [
                "meetings": node.list(.meetings).count, "activities": node.list(.activities).count,
                "conventions": node.list(.conventions).count, "problems": problems.count,
                "problems_open": problems.filter { !($0.problem?.status.isSettled ?? true) }.count,
            ] as View,
        ]
        view["district"] = node.profile.district
        return view
    }

    func streets() -> [View] {
        graph.streets.map { ["name": $0.street, "communities": $0.communities.map(communitySummary)] }
    }

    /// The frame every page shares: menu, strings, site, breadcrumbs. Made for every page, so
    /// its values are set typed.
    func frame(title: String, kindClass: String, breadcrumbs: [(String, String)], feed: String? = nil) -> View {
        var view = View(typed: [
            "lang": .text(graph.site.language), "root": .text(root), "t": .view(strings.uiView), "page_title": .text(title),
            "kind_class": .text("page-\(kindClass)"), "stylesheet_url": .text(url(Routes.stylesheet)),
            "is_home": .flag(path == Routes.home), "site": .view(siteView), "menu": .views(menu()),
        ])
        view.setList("breadcrumbs", breadcrumbs.map { View(typed: ["title": .text($0.0), "url": .text(url($0.1))]) })
        if graph.site.baseURL != nil { view.set("feed_url", .text(url(feed ?? Routes.feed))) }
        return view
    }

    private var siteView: View {
        var site = View(typed: ["title": .text(graph.site.title)])
        site.set("description", graph.site.description.map(ViewValue.text))
        site.set("publisher", graph.site.publisher.map(ViewValue.text))
        site.set("base_url", graph.site.baseURL.map(ViewValue.text))
        return site
    }

    private func menu() -> [View] {
        var entries: [(title: String, target: String, section: String)] = [
            (strings.text("home"), Routes.home, ""),
            (strings.text("communities"), Routes.communities, "communities/"),
        ]
        for kind in Routes.siteWideKinds {
            entries.append((strings.text(kind.rawValue), Routes.listPage(Routes.siteList(kind), 1), kind.rawValue + "/"))
        }
        entries.append((strings.text("tags"), Routes.tags, "tags/"))
        for page in graph.pages where page.menu != nil {
            entries.append((page.title, Routes.page(page.slug), page.slug + "/"))
        }
        return entries.map { entry in
            let current = entry.section.isEmpty ? path == Routes.home : path.hasPrefix(entry.section)
            return View(typed: ["title": .text(entry.title), "url": .text(url(entry.target)), "current": .flag(current)])
        }
    }
}

extension ProblemStatus {
    /// Resolved, referred elsewhere, or closed: no longer open in this community's ledger.
    var isSettled: Bool { self == .resolved || self == .referred || self == .closedUnresolved }
}
