import BulletinContent
import BulletinModel
import BulletinSupport

/// Tags that differ only in case or spacing share one page, named by the spelling that sorts
/// first. Spellings are matched to pages before the records are in order, on another core
/// while they are sorted; each page's list is made once the order is known.
struct TagIndex: Sendable {
    private var pageOfSpelling: [String: Int] = [:]
    private var names: [String] = []
    private var slugs: [String] = []
    /// The pages of each record's tags, one record after another: record `i`'s are
    /// `pages[ends[i - 1]..<ends[i]]`.
    private var pages: [Int] = []
    private var ends: [Int] = []

    init(_ records: [Record]) {
        var pageOfSlug: [String: Int] = [:]
        ends.reserveCapacity(records.count)
        for record in records {
            for tag in record.tags {
                let page: Int
                if let known = pageOfSpelling[tag] {
                    page = known
                } else {
                    let slug = Routes.tagSlug(tag)
                    if let known = pageOfSlug[slug] {
                        page = known
                        if tag < names[page] { names[page] = tag }
                    } else {
                        page = names.count
                        pageOfSlug[slug] = page
                        names.append(tag)
                        slugs.append(slug)
                    }
                    pageOfSpelling[tag] = page
                }
                pages.append(page)
            }
            ends.append(pages.count)
        }
    }

    /// The tag pages, each listing its records in `order` (places in the list this index was
    /// made from), and every spelling's slug.
    func nodes(of records: [Record], in order: [Int]) -> ([TagNode], [String: String]) {
        var lists = Array(repeating: [Record](), count: names.count)
        for index in order {
            let record = records[index]
            // Two spellings of one tag on a record list it once: records come one at a time,
            // so it would be the last one listed.
            for page in pages[(index == 0 ? 0 : ends[index - 1])..<ends[index]] where lists[page].last?.identity != record.identity {
                lists[page].append(record)
            }
        }
        let nodes = names.indices.map { TagNode(name: names[$0], slug: slugs[$0], records: lists[$0]) }
            .sorted { ($0.name.lowercased(), $0.slug) < ($1.name.lowercased(), $1.slug) }
        return (nodes, pageOfSpelling.mapValues { slugs[$0] })
    }
}
