import BulletinModel
import BulletinSupport
import Foundation

/// The validate stage: reads every content file in parallel into typed models, and renders
/// each record's Markdown once. Records whose inputs the cache has seen are taken from it.
public struct ContentValidator: Sendable {
    let labels: ValueLabels
    let markdown: MarkdownRenderer
    /// Records parsed by earlier builds, and file digests (the incremental layer's `RecordCache`).
    let cache: any RecordMemo

    public struct Result {
        public var content: ParsedContent
        public var diagnostics: [Diagnostic]
        /// Problems found in the Markdown (links to files a record lacks, nesting too deep).
        public var bodyProblems: [Diagnostic]
        /// Each record's rendered Markdown by record identity (a hash of eight bytes rather than
        /// of a path), made on another core while the records are indexed: only the write stage reads them.
        public var bodies: Background<[ObjectIdentifier: RenderedBodies.Entry]>
        /// The digest of everything each record was made from, for those that have one.
        public var recordKeys: [Digest]
        /// The digest of each record's file, in the inventory's order.
        public var recordDigests: [Digest?]
    }

    private struct Outcome: @unchecked Sendable {
        var record: Record?
        var key: Digest?
        var digest: Digest?
        var warnings: [Diagnostic]
        var body = RenderedBodies.Entry()
        var bodyProblems: [Diagnostic] = []
    }

    /// `recordDigests` holds the digest of each record's file, in the inventory's order, when
    /// the load stage worked them out; without them each file's digest is worked out here from
    /// the bytes that are parsed, so the file is read once.
    public func validate(_ inventory: ContentInventory, site: SiteConfig, recordDigests: [Digest?]?) -> Result {
        let reader = DocumentReader(labels: labels)
        let outcomes = Parallel.map(Array(inventory.records.indices)) { index in
            let source = inventory.records[index]
            if let recordDigests { return record(source, digest: recordDigests[index], bytes: nil, reader: reader) }
            let (digest, bytes) = cache.contents(of: source.file)
            return record(source, digest: digest, bytes: bytes, reader: reader)
        }
        let bodies = Background { [outcomes] in
            var bodies: [ObjectIdentifier: RenderedBodies.Entry] = Dictionary(minimumCapacity: outcomes.count)
            for index in outcomes.indices {
                if let identity = outcomes[index].record?.identity { bodies[identity] = outcomes[index].body }
            }
            return bodies
        }
        var result = Result(content: ParsedContent(site: site, pages: [], communities: [], records: []),
                            diagnostics: [], bodyProblems: [], bodies: bodies, recordKeys: [], recordDigests: outcomes.map { $0.digest })
        result.recordKeys.reserveCapacity(outcomes.count)
        result.content.records.reserveCapacity(outcomes.count)
        // Fields are read where they lie: copying a whole outcome out of the list retained all of them.
        for index in outcomes.indices {
            // Most records have neither; appending an empty list still cost a call each.
            if !outcomes[index].warnings.isEmpty { result.diagnostics += outcomes[index].warnings }
            if !outcomes[index].bodyProblems.isEmpty { result.bodyProblems += outcomes[index].bodyProblems }
            guard let record = outcomes[index].record else { continue }
            result.content.records.append(record)
            if let key = record.source { result.recordKeys.append(key) }
        }
        let profiles = ProfileParser(reader: reader)
        // On every core too: a profile's front matter and Markdown checks are no small work.
        let communities = Parallel.map(inventory.communities) { source in
            let sink = DiagnosticSink()
            return (profiles.community(source, sink: sink), sink.diagnostics)
        }
        for (community, diagnostics) in communities {
            if let community { result.content.communities.append(community) }
            result.diagnostics += diagnostics
        }
        for (slug, file) in inventory.pages {
            let sink = DiagnosticSink()
            if let page = profiles.page(slug: slug, file: file, sink: sink) { result.content.pages.append(page) }
            result.diagnostics += sink.diagnostics
        }
        return result
    }

    private func record(_ source: RecordSource, digest: Digest?, bytes: [UInt8]?, reader: DocumentReader) -> Outcome {
        let key = digest.map { cache.key(of: source, content: $0) }
        if let key, let hit = cache.parsed(key, from: source) {
            return Outcome(record: hit.record, key: key, digest: digest, warnings: hit.warnings,
                           body: RenderedBodies.Entry(html: nil, summary: hit.summary), bodyProblems: hit.bodyProblems)
        }
        let sink = DiagnosticSink()
        let parser = RecordParser(reader: reader)
        // Bytes already read are used when within the size a record may be; otherwise the
        // reader reads (and refuses) the file itself.
        let parsed = if let bytes, bytes.count <= DocumentReader.maximumSize {
            parser.parse(source, text: Data(bytes), sink: sink)
        } else {
            parser.parse(source, sink: sink)
        }
        guard let record = parsed else {
            return Outcome(record: nil, key: nil, digest: digest, warnings: sink.diagnostics)
        }
        let rendered = RenderedBodies.render(record, markdown: markdown)
        // The Markdown has been rendered; the rest of the build uses the HTML, so the text is
        // dropped rather than held for every record until the last page is written.
        var kept = record
        kept.body = ""
        if let key {
            kept = cache.remember(kept, key: key, warnings: sink.diagnostics, bodyProblems: rendered.problems, summary: rendered.summary)
        }
        return Outcome(record: kept, key: key, digest: digest, warnings: sink.diagnostics,
                       body: RenderedBodies.Entry(html: rendered.html, summary: rendered.summary.map(RenderedBodies.Summary.text)),
                       bodyProblems: rendered.problems)
    }

    public init(labels: ValueLabels, markdown: MarkdownRenderer, cache: any RecordMemo) {
        self.labels = labels
        self.markdown = markdown
        self.cache = cache
    }
}

/// Everything that was parsed, as one value: the input of the index stage.
public struct ParsedContent: Sendable {
    public var site: SiteConfig
    public var pages: [FreePage]
    public var communities: [Community]
    public var records: [Record]
}

/// A record as an earlier build parsed it, with what parsing it reported.
public struct ParsedRecord: Sendable {
    public let record: Record
    public let warnings: [Diagnostic]
    public let bodyProblems: [Diagnostic]
    public let summary: RenderedBodies.Summary?

    public init(record: Record, warnings: [Diagnostic], bodyProblems: [Diagnostic], summary: RenderedBodies.Summary?) {
        (self.record, self.warnings, self.bodyProblems, self.summary) = (record, warnings, bodyProblems, summary)
    }
}

/// What the validate stage asks of the incremental layer (`RecordCache`): file digests and
/// records parsed before, by a key that stands for everything their parsing depends on.
public protocol RecordMemo: Sendable {
    /// The digest of a file's bytes, and the bytes when they had to be read to work it out.
    func contents(of file: SourceFile) -> (digest: Digest?, bytes: [UInt8]?)
    /// What a record's parse depends on: its place, its bytes and its bundle's file list.
    func key(of source: RecordSource, content: Digest) -> Digest
    /// The record parsed from `source` with the inputs `key` stands for, if kept.
    func parsed(_ key: Digest, from source: RecordSource) -> ParsedRecord?
    /// `record`, just parsed, marked with what it was made from and kept for the next build
    /// unless parsing it reported an error.
    func remember(_ record: Record, key: Digest, warnings: [Diagnostic], bodyProblems: [Diagnostic], summary: String?) -> Record
}
