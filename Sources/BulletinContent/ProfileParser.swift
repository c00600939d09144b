import BulletinModel
import BulletinSupport

/// Parses site.yml, community profiles and free pages.
public struct ProfileParser: Sendable {
    let reader: DocumentReader

    /// site.yml is read before the theme (its language picks the strings), so no labels yet.
    /// `languages`: those the theme has strings for, which `language` must be one of.
    public static func site(_ file: SourceFile, sink: DiagnosticSink, languages: [String]? = nil) -> SiteConfig? {
        guard let f = DocumentReader(labels: .none).readYAMLFile(file, sink: sink) else { return nil }
        typealias S = SiteFields
        f.rejectUnknownKeys(S.table.keys)
        let title = f.string(S.title)
        var baseURL = f.string(S.baseURL)
        if let url = baseURL {
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                f.report(field: S.baseURL, .baseURLNotAbsolute, ["value": url])
                baseURL = nil
            } else if !url.hasSuffix("/") {
                baseURL = url + "/"
            }
        }
        let timeZone = f.string(S.timeZone) ?? "UTC"
        if SiteClock.timeZone(named: timeZone) == nil {
            f.report(field: S.timeZone, .timeZoneUnknown, ["value": timeZone])
        }
        let pageSize = f.int(S.pageSize) ?? 20
        if pageSize < 1 { f.report(field: S.pageSize, .pageSizeTooSmall) }
        let language = f.string(S.language)
        // A language refused here reads no strings: without it the theme cannot be loaded.
        let refused = language.flatMap { LanguageTag.problem(with: $0, available: languages) }
        if let refused { f.report(field: S.language.key, refused) }
        guard let title, refused == nil else { return nil }
        return SiteConfig(title: title, language: language ?? "en", baseURL: baseURL,
                          description: f.string(S.description), publisher: f.string(S.publisher),
                          timeZone: timeZone, pageSize: max(1, pageSize), unsafeHTML: f.bool(S.unsafeHTML) ?? false)
    }

    /// site.yml's `language` alone, nil when it is not written or the file does not read: the
    /// command line speaks in it before anything is checked.
    public static func language(_ file: SourceFile) -> String? {
        DocumentReader(labels: .none).readYAMLFile(file, sink: DiagnosticSink())?.string(SiteFields.language)
    }

    func community(_ source: CommunitySource, sink: DiagnosticSink) -> Community? {
        guard let document = reader.readMarkdown(source.profile, sink: sink) else { return nil }
        let f = document.fields
        typealias C = CommunityFields
        f.rejectUnknownKeys(C.table.keys)
        let name = f.string(C.name)
        let street = f.string(C.street)
        let grids = f.entries(C.grids) { g in
            g.string(GridFields.name).map { Grid(name: $0, buildings: g.stringList(GridFields.buildings), leader: g.string(GridFields.leader)) }
        }
        let community = Community(
            id: source.id, sourcePath: source.profile.path, name: name ?? "", street: street ?? "",
            district: f.string(C.district), secretary: f.string(C.secretary), contact: contact(f), grids: grids,
            households: f.int(C.households), population: f.int(C.population), body: document.body)
        return name == nil || street == nil ? nil : community
    }

    /// `contact` is either one line of text or `{phone, address, hours, email}`.
    private func contact(_ f: FieldReader) -> Contact? {
        let field = CommunityFields.contact
        guard let node = f.value(field) else { return nil }
        if case .mapping = node, let c = f.group(field) {
            typealias C = ContactFields
            return Contact(phone: c.string(C.phone), address: c.string(C.address), hours: c.string(C.hours), email: c.string(C.email))
        }
        return f.string(field.key, example: field.example).map { Contact(text: $0) }
    }

    func page(slug: String, file: SourceFile, sink: DiagnosticSink) -> FreePage? {
        guard let document = reader.readMarkdown(file, sink: sink) else { return nil }
        let f = document.fields
        f.rejectUnknownKeys(PageFields.table.keys)
        let title = f.string(PageFields.title)
        let page = FreePage(slug: slug, sourcePath: file.path, title: title ?? "", menu: f.int(PageFields.menu),
                            draft: f.bool(PageFields.draft) ?? false, body: document.body)
        return title == nil ? nil : page
    }
}
