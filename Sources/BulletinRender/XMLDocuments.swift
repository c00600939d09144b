import BulletinContent
import BulletinModel
import BulletinSite
import BulletinSupport
import Foundation

/// Atom feeds and the sitemap. Both carry absolute URLs, so they exist only with `base_url`.
struct XMLDocuments {
    let graph: SiteGraph
    let bodies: RenderedBodies
    let base: String
    static let feedLength = 50

    func feed(for community: CommunityNode?) -> String {
        let records = Array((community?.all ?? graph.records).lazy.filter { $0.date != nil }.prefix(Self.feedLength))
        let title = community.map { "\($0.profile.name) · \(graph.site.title)" } ?? graph.site.title
        let selfPath = community.map { Routes.communityFeed($0.profile.id) } ?? Routes.feed
        let pagePath = community.map { Routes.community($0.profile.id) } ?? Routes.home
        let updated = records.compactMap(\.date).max().map { timestamp(min($0, graph.today)) } ?? "1970-01-01T00:00:00Z"
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(escape(graph.site.language))">
          <title>\(escape(title))</title>
          <id>\(escape(Routes.absolute(pagePath, base: base)))</id>
          <link rel="self" href="\(escape(Routes.absolute(selfPath, base: base)))"/>
          <link rel="alternate" type="text/html" href="\(escape(Routes.absolute(pagePath, base: base)))"/>
          <updated>\(updated)</updated>\n
        """
        if let publisher = graph.site.publisher { xml += "  <author><name>\(escape(publisher))</name></author>\n" }
        else { xml += "  <author><name>\(escape(graph.site.title))</name></author>\n" }
        for record in records {
            let link = Routes.absolute(Routes.record(record), base: base)
            xml += "  <entry>\n    <title>\(escape(record.title))</title>\n"
            xml += "    <id>\(escape(link))</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(link))\"/>\n"
            // An announced meeting is dated in the future; the entry itself was published by today.
            xml += "    <updated>\(timestamp(min(record.date!, graph.today)))</updated>\n"
            for tag in record.tags { xml += "    <category term=\"\(escape(tag))\"/>\n" }
            if let summary = bodies.summary(of: record) { xml += "    <summary>\(escape(summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    func sitemap(paths: [String]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths {
            xml += "  <url><loc>\(escape(Routes.absolute(path, base: base)))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// Midnight of `date` in the site's time zone, as RFC 3339.
    private func timestamp(_ date: SimpleDate) -> String {
        let zone = SiteClock.timeZone(named: graph.site.timeZone) ?? TimeZone(identifier: "UTC")!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let moment = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) ?? Date(timeIntervalSince1970: 0)
        let offset = zone.secondsFromGMT(for: moment) / 60
        guard offset != 0 else { return "\(date.iso)T00:00:00Z" }
        let sign = offset < 0 ? "-" : "+"
        let hours = abs(offset) / 60, minutes = abs(offset) % 60
        return "\(date.iso)T00:00:00\(sign)\(hours < 10 ? "0" : "")\(hours):\(minutes < 10 ? "0" : "")\(minutes)"
    }

    private func escape(_ text: String) -> String {
        // Most values (every link, most titles) need nothing done: checked on bytes first.
        // U+FFFE and U+FFFF are written EF BF BE and EF BF BF in UTF-8.
        var copy = text
        guard copy.withUTF8({ $0.contains { $0 < 0x20 || $0 == 0xEF } }) || HTMLEscaping.needsEscape(text) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // Characters XML 1.0 forbids are dropped rather than making the feed invalid.
            case "\u{9}", "\u{A}", "\u{D}": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
