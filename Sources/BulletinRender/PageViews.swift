import BulletinContent
import BulletinModel
import BulletinSite
import BulletinSupport

/// The views of the site's index and list pages.
extension PageContext {
    func homeView() -> View {
        var view = frame(title: graph.site.title, kindClass: "home", breadcrumbs: [])
        view.setList("latest", summaries(Array(graph.records.lazy.filter { $0.links.meetingStatus != .scheduled }.prefix(graph.site.pageSize))))
        view.setList("upcoming", summaries(graph.upcomingMeetings))
        view.setList("streets", streets())
        return view
    }

    func communitiesView() -> View {
        var view = frame(title: strings.text("communities"), kindClass: "communities", breadcrumbs: [(strings.text("home"), Routes.home)])
        view.setList("streets", streets())
        return view
    }

    func communityView(_ node: CommunityNode, description: String) -> View {
        let c = node.profile
        var view = frame(title: c.name, kindClass: "community",
                         breadcrumbs: [(strings.text("home"), Routes.home), (strings.text("communities"), Routes.communities)],
                         feed: Routes.communityFeed(c.id))
        typealias F = CommunityFields
        var profile: View = [F.name.key: c.name, F.street.key: c.street, "description": description]
        profile[F.district.key] = c.district
        profile[F.secretary.key] = c.secretary
        profile[F.households.key] = c.households
        profile[F.population.key] = c.population
        profile[F.contact.key] = c.contact?.text
        let contactLines: [(String, String?)] = [(ContactFields.phone.key, c.contact?.phone), (ContactFields.address.key, c.contact?.address),
                                                 (ContactFields.hours.key, c.contact?.hours), (ContactFields.email.key, c.contact?.email)]
        profile.setList("contact_lines", contactLines.compactMap { key, value in
            value.map { ["label": strings.field(key), "value": $0] as View }
        })
        profile.setList(F.grids.key, c.grids.map { grid -> View in
            var entry: View = [GridFields.name.key: grid.name, GridFields.buildings.key: grid.buildings.joined(separator: ", ")]
            entry[GridFields.leader.key] = grid.leader
            return entry
        })
        view["community"] = profile
        let size = graph.site.pageSize
        view.setList("latest_meetings", summaries(Array(node.list(.meetings).prefix(size))))
        view.setList("conventions_in_force", summaries(node.list(.conventions).filter { $0.convention?.status == .inForce }))
        view.setList("activities", summaries(Array(node.list(.activities).prefix(size))))
        view.setList("problems", summaries(Array(node.list(.problems).prefix(size))))
        let problems = node.list(.problems).compactMap(\.problem)
        var ledger: View = [
            "raised": problems.count,
            "resolved": problems.filter { $0.status == .resolved }.count,
            "open": problems.filter { !$0.status.isSettled }.count,
        ]
        let inProgress = problems.filter { $0.status == .inProgress }.count
        if inProgress > 0 { ledger["in_progress"] = inProgress }
        view["ledger"] = ledger
        view["lists"] = RecordKind.allCases.map { kind -> View in
            ["label": strings.text(kind.rawValue), "url": url(Routes.listPage(Routes.communityList(c.id, kind), 1)),
             "count": node.list(kind).count]
        }
        return view
    }

    func listView(_ page: ListPage) -> View {
        var crumbs = [(strings.text("home"), Routes.home)]
        if let id = page.community {
            crumbs += [(strings.text("communities"), Routes.communities), (graph.community(id)?.name ?? id, Routes.community(id))]
        }
        var view = frame(title: pageTitle(page), kindClass: "list", breadcrumbs: crumbs,
                         feed: page.community.map(Routes.communityFeed))
        view.setList("items", summaries(Array(page.records)))
        view["pagination"] = pagination(page)
        if let id = page.community { view["community"] = communityLink(id) }
        return view
    }

    func tagsView() -> View {
        var view = frame(title: strings.text("tags"), kindClass: "tags", breadcrumbs: [(strings.text("home"), Routes.home)])
        view.setList("tags", graph.tags.map { tag -> View in
            ["name": tag.name, "url": url(Routes.listPage(Routes.tagFolder(tag.slug), 1)), "count": tag.records.count]
        })
        return view
    }

    func tagView(_ tag: TagNode, _ page: ListPage) -> View {
        var view = frame(title: pageTitle(page), kindClass: "tag",
                         breadcrumbs: [(strings.text("home"), Routes.home), (strings.text("tags"), Routes.tags)])
        view["tag"] = tag.name
        view.setList("items", summaries(Array(page.records)))
        view["pagination"] = pagination(page)
        return view
    }

    func freePageView(_ page: FreePage, body: String) -> View {
        var view = frame(title: page.title, kindClass: "page", breadcrumbs: [(strings.text("home"), Routes.home)])
        view["body"] = body
        return view
    }

    func recordPageView(_ record: Record) -> View {
        let crumbs = [(strings.text("home"), Routes.home), (strings.text("communities"), Routes.communities),
                      (graph.community(record.community)?.name ?? record.community, Routes.community(record.community)),
                      (strings.text(record.kind.rawValue), Routes.listPage(Routes.communityList(record.community, record.kind), 1))]
        var view = frame(title: record.title, kindClass: record.kind.singular, breadcrumbs: crumbs,
                         feed: Routes.communityFeed(record.community))
        view["record"] = recordView(record)
        return view
    }

    func notFoundView() -> View {
        frame(title: strings.text("not_found"), kindClass: "not-found", breadcrumbs: [])
    }

    private func pageTitle(_ page: ListPage) -> String {
        page.number == 1 ? page.title
            : "\(page.title) · \(strings.text("page_n").replacingOccurrences(of: "{n}", with: String(page.number)))"
    }

    /// The page numbers a list links: the first, the last, and two either side of the current
    /// one; nil stands for the pages left out. A list of 300 pages gets 9 links, not 300.
    static func pageWindow(current: Int, count: Int) -> [Int?] {
        let shown = Set([1, count] + Array(max(1, current - 2)...min(count, current + 2)))
        var numbers: [Int?] = []
        for n in shown.sorted() {
            if let last = numbers.last ?? nil, n > last + 1 { numbers.append(n == last + 2 ? last + 1 : nil) }
            numbers.append(n)
        }
        return numbers
    }

    private func pagination(_ page: ListPage) -> View? {
        guard page.pageCount > 1 else { return nil }
        var view: View = [
            "current": page.number, "total": page.pageCount,
            "has_previous": page.number > 1, "has_next": page.number < page.pageCount,
            "pages": Self.pageWindow(current: page.number, count: page.pageCount).map { n -> View in
                guard let n else { return ["gap": true] }
                return ["number": n, "url": url(Routes.listPage(page.folder, n)), "current": n == page.number]
            },
        ]
        if page.number > 1 { view["previous_url"] = url(Routes.listPage(page.folder, page.number - 1)) }
        if page.number < page.pageCount { view["next_url"] = url(Routes.listPage(page.folder, page.number + 1)) }
        return view
    }
}
