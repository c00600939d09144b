/// The validate stage: reads every content file in parallel into typed models.
struct ContentValidator {
    let labels: ValueLabels

    struct Result {
        var content: ParsedContent
        var diagnostics: [Diagnostic]
    }

    func validate(_ inventory: ContentInventory, site: SiteConfig) -> Result {
        let reader = DocumentReader(labels: labels)
        let records = Parallel.map(inventory.records) { source -> (Record?, [Diagnostic]) in
            let sink = DiagnosticSink()
            return (RecordParser(reader: reader).parse(source, sink: sink), sink.diagnostics)
        }
        let profiles = ProfileParser(reader: reader)
        var diagnostics = records.flatMap(\.1)
        var communities: [Community] = []
        for source in inventory.communities {
            let sink = DiagnosticSink()
            if let community = profiles.community(source, sink: sink) { communities.append(community) }
            diagnostics += sink.diagnostics
        }
        var pages: [FreePage] = []
        for (slug, file) in inventory.pages {
            let sink = DiagnosticSink()
            if let page = profiles.page(slug: slug, file: file, sink: sink) { pages.append(page) }
            diagnostics += sink.diagnostics
        }
        return Result(content: ParsedContent(site: site, pages: pages, communities: communities,
                                             records: records.compactMap(\.0)),
                      diagnostics: diagnostics)
    }
}
