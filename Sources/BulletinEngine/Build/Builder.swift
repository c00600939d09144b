import Foundation

/// The pipeline: load → validate → index → render → write. Each stage hands a value to the
/// next; any stage that finds errors stops the build before anything is written.
public struct Builder: Sendable {
    public let options: BuildOptions
    /// Receives progress lines (`[2/5] Validating 1,204 files`).
    public let log: @Sendable (String) -> Void

    public init(options: BuildOptions, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.options = options
        self.log = log
    }

    /// Validates everything without writing.
    public func check() throws(BuildFailed) -> BuildReport {
        var clock = StageClock()
        let prepared = try prepare(&clock)
        return BuildReport(diagnostics: prepared.warnings, pagesWritten: 0, timings: clock.timings)
    }

    public func build() throws(BuildFailed) -> BuildReport {
        var clock = StageClock()
        let output = OutputFolder(options.output)
        if let unsafe = output.checkSafe(content: options.content, templates: options.templates) {
            throw BuildFailed(diagnostics: [unsafe])
        }
        let prepared = try prepare(&clock)
        let (graph, theme, bodies, markdown) = (prepared.graph, prepared.theme, prepared.bodies, prepared.markdown)
        let jobs = graph.jobs(strings: theme.strings, contentRoot: options.content, theme: theme.assets, media: prepared.inventory.media)
        try checkUniquePaths(jobs)
        let sitemap = jobs.map(\.outputPath).filter { $0.hasSuffix("index.html") }
        let renderer = SiteRenderer(graph: graph, theme: theme, bodies: bodies, markdown: markdown, sitemapPaths: sitemap)
        log("[4/5] Rendering \(jobs.count) files")
        let lock: BuildLock
        let staging: URL
        do {
            lock = try output.lock { log("Waiting for another build into \(options.output.path) to finish") }
            staging = try output.makeStaging()
            try output.makeFolders(for: jobs.map(\.outputPath), in: staging)
        } catch {
            throw BuildFailed(diagnostics: [Diagnostic(path: options.output.path, message: "cannot write beside the output folder: \(error.localizedDescription)")])
        }
        defer { lock.release() }
        let beforeWrite = options.beforeWrite
        let failure = FirstFailure()
        _ = Parallel.map(jobs) { job in
            guard !failure.happened else { return }
            do {
                try beforeWrite?(job.outputPath)
                try renderer.render(job, into: staging)
            } catch {
                failure.record("could not write \(job.outputPath) into the folder beside \(options.output.path) (\(error.localizedDescription)); the previous site was left as it was")
            }
        }
        if let message = failure.message {
            output.discard(staging)
            throw BuildFailed(diagnostics: [Diagnostic(path: options.output.path, message: message)])
        }
        clock.lap("render")
        log("[5/5] Writing \(options.output.path)")
        do { try output.commit(staging) } catch {
            output.discard(staging)
            throw BuildFailed(diagnostics: [Diagnostic(path: options.output.path, message: "could not replace the output folder: \(error.localizedDescription)")])
        }
        clock.lap("write")
        return BuildReport(diagnostics: prepared.warnings, pagesWritten: jobs.count, timings: clock.timings)
    }

    /// Load, validate and index: everything `check` and `build` share.
    /// What the checking stages hand to rendering.
    private struct Prepared {
        let graph: SiteGraph
        let theme: Theme
        let inventory: ContentInventory
        let markdown: MarkdownRenderer
        let bodies: RenderedBodies
        let warnings: [Diagnostic]
    }

    private func prepare(_ clock: inout StageClock) throws(BuildFailed) -> Prepared {
        log("[1/5] Loading \(options.content.path)")
        var scanner = ContentScanner(root: options.content, listDirectory: options.listDirectory)
        let inventory = scanner.scan()
        var problems = scanner.diagnostics
        let siteSink = DiagnosticSink()
        let site = inventory.site.flatMap { ProfileParser.site($0, sink: siteSink) }
        problems += siteSink.diagnostics
        guard let site else { throw BuildFailed(diagnostics: Diagnostic.ordered(problems)) }
        let (loadedTheme, themeProblems) = Theme.load(from: options.templates, language: site.language)
        problems += themeProblems.map { theme in
            var located = theme
            located.path = options.templates.lastPathComponent + "/" + theme.path
            return located
        }
        guard let theme = loadedTheme else { throw BuildFailed(diagnostics: Diagnostic.ordered(problems)) }
        clock.lap("load")

        let fileCount = inventory.records.count + inventory.communities.count + inventory.pages.count
        log("[2/5] Validating \(fileCount) files")
        let parsed = ContentValidator(labels: theme.strings.values).validate(inventory, site: site)
        problems += parsed.diagnostics
        // Markdown is rendered here, once, because its links are checked before anything is written.
        let markdown = MarkdownRenderer(allowRawHTML: site.unsafeHTML)
        let bodies = RenderedBodies(records: parsed.content.records, markdown: markdown)
        problems += bodies.diagnostics
        clock.lap("validate")

        log("[3/5] Indexing \(parsed.content.records.count) records")
        var indexer = SiteIndexer(includeDrafts: options.includeDrafts,
                                  today: SiteClock.today(options.moment, timeZone: site.timeZone))
        let graph = indexer.index(parsed.content)
        problems += indexer.diagnostics
        if site.baseURL == nil, !problems.contains(where: { $0.field == "base_url" }) {
            problems.append(Diagnostic(.warning, path: "site.yml", field: "base_url",
                                       message: "is not set, so feed.xml, the community feeds and sitemap.xml are not written; add base_url: https://… to publish them"))
        }
        clock.lap("index")
        let ordered = Diagnostic.ordered(problems)
        if ordered.contains(where: { $0.severity == .error }) { throw BuildFailed(diagnostics: ordered) }
        return Prepared(graph: graph, theme: theme, inventory: inventory, markdown: markdown, bodies: bodies, warnings: ordered)
    }

    private func checkUniquePaths(_ jobs: [PageJob]) throws(BuildFailed) {
        var owners: [String: PageJob] = [:]
        var clashes: [Diagnostic] = []
        for job in jobs {
            guard let first = owners[job.outputPath] else {
                owners[job.outputPath] = job
                continue
            }
            let source = job.sourcePath(contentRoot: options.content) ?? job.outputPath
            let other = first.sourcePath(contentRoot: options.content).map { " (made from \($0))" } ?? ""
            clashes.append(Diagnostic(path: source, message: "would be published as \(job.outputPath), which the site already uses for another page\(other); rename this file"))
        }
        if !clashes.isEmpty { throw BuildFailed(diagnostics: Diagnostic.ordered(clashes)) }
    }
}

/// The first of the failures that parallel work runs into; once one happened, the rest is skipped.
private final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var first: String?

    var happened: Bool { lock.withLock { first != nil } }
    var message: String? { lock.withLock { first } }

    func record(_ message: String) {
        lock.withLock { if first == nil { first = message } }
    }
}

/// Wall time per pipeline stage, for `--timings`.
struct StageClock {
    private var last = DispatchTime.now()
    private(set) var timings: [(stage: String, seconds: Double)] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now()
        timings.append((stage, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }
}
