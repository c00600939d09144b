import BulletinModel
import BulletinSupport

/// Parses site.yml, community profiles and free pages.
public struct ProfileParser: Sendable {
    let reader: DocumentReader

    static let siteKeys = ["title", "language", "base_url", "description", "publisher", "time_zone", "page_size", "unsafe_html"]

    /// site.yml is read before the theme (its language picks the strings), so no labels yet.
    /// `languages`: those the theme has strings for, which `language` must be one of.
    public static func site(_ file: SourceFile, sink: DiagnosticSink, languages: [String]? = nil) -> SiteConfig? {
        guard let f = DocumentReader(labels: .none).readYAMLFile(file, sink: sink) else { return nil }
        f.rejectUnknownKeys(siteKeys)
        let title = f.string("title", required: true, example: "Shizhuang Street Community Bulletin")
        var baseURL = f.string("base_url")
        if let url = baseURL {
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                f.report(field: "base_url", "found \"\(url)\", expected an absolute address such as https://bulletin.example.org/")
                baseURL = nil
            } else if !url.hasSuffix("/") {
                baseURL = url + "/"
            }
        }
        let timeZone = f.string("time_zone") ?? "UTC"
        if SiteClock.timeZone(named: timeZone) == nil {
            f.report(field: "time_zone", "found \"\(timeZone)\", expected an IANA time zone name such as Asia/Shanghai")
        }
        let pageSize = f.int("page_size") ?? 20
        if pageSize < 1 { f.report(field: "page_size", "must be at least 1") }
        let language = f.string("language")
        // A language refused here reads no strings: without it the theme cannot be loaded.
        let refused = language.flatMap { LanguageTag.problem(with: $0, available: languages) }
        if let refused { f.report(field: "language", refused) }
        guard let title, refused == nil else { return nil }
        return SiteConfig(title: title, language: language ?? "en", baseURL: baseURL,
                          description: f.string("description"), publisher: f.string("publisher"),
                          timeZone: timeZone, pageSize: max(1, pageSize), unsafeHTML: f.bool("unsafe_html") ?? false)
    }

    static let communityKeys = ["name", "street", "district", "secretary", "contact", "grids", "households", "population"]

    func community(_ source: CommunitySource, sink: DiagnosticSink) -> Community? {
        guard let document = reader.readMarkdown(source.profile, sink: sink) else { return nil }
        let f = document.fields
        f.rejectUnknownKeys(Self.communityKeys)
        let name = f.string("name", required: true, example: "Qingyouyuan Community")
        let street = f.string("street", required: true, example: "Shizhuang Street")
        let grids = f.mapList("grids", example: "{name: Grid 1, buildings: [\"1\", \"2\"], leader: grid leader}") { g in
            g.rejectUnknownKeys(["name", "buildings", "leader"])
            return g.string("name", required: true, example: "Grid 1")
                .map { Grid(name: $0, buildings: g.stringList("buildings"), leader: g.string("leader")) }
        }
        let community = Community(
            id: source.id, sourcePath: source.profile.path, name: name ?? "", street: street ?? "",
            district: f.string("district"), secretary: f.string("secretary"), contact: contact(f), grids: grids,
            households: f.int("households"), population: f.int("population"), body: document.body)
        return name == nil || street == nil ? nil : community
    }

    /// `contact` is either one line of text or `{phone, address, hours, email}`.
    private func contact(_ f: FieldReader) -> Contact? {
        guard let node = f.value("contact") else { return nil }
        if case .mapping = node, let c = f.map("contact", example: "{phone: ..., address: ..., hours: ...}") {
            c.rejectUnknownKeys(["phone", "address", "hours", "email"])
            return Contact(phone: c.string("phone"), address: c.string("address"), hours: c.string("hours"), email: c.string("email"))
        }
        return f.string("contact", example: "\"010-1234 5678, Building 3 ground floor, Mon–Fri 9:00–17:00\"").map { Contact(text: $0) }
    }

    func page(slug: String, file: SourceFile, sink: DiagnosticSink) -> FreePage? {
        guard let document = reader.readMarkdown(file, sink: sink) else { return nil }
        let f = document.fields
        f.rejectUnknownKeys(["title", "menu", "draft"])
        let title = f.string("title", required: true, example: "How to take part")
        let page = FreePage(slug: slug, sourcePath: file.path, title: title ?? "", menu: f.int("menu"),
                            draft: f.bool("draft") ?? false, body: document.body)
        return title == nil ? nil : page
    }
}
