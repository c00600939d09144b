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
        let prepared = try prepare(&clock, previous: Background { .empty() })
        return BuildReport(diagnostics: prepared.warnings, files: 0, pagesWritten: 0, pagesRendered: 0, timings: clock.timings)
    }

    public func build() throws(BuildFailed) -> BuildReport {
        var clock = StageClock()
        let output = OutputFolder(options.output)
        if let unsafe = output.checkSafe(content: options.content, templates: options.templates) {
            throw BuildFailed(diagnostics: [unsafe])
        }
        let cacheStamp = FileStamp(of: output.cacheFile)
        let (useCache, cacheFile) = (options.useCache, output.cacheFile)
        let loading = Background { useCache ? BuildCache.load(from: cacheFile) : .empty() }
        let loaded = try load(&clock, previous: loading)
        let previous = loading.value
        // Inputs equal to the last build's: if the output is still that build's tree, nothing is to do.
        if useCache, previous.last?.inputs == loaded.inputs {
            let held = try lock(output)
            defer { held.release() }
            let last = cacheAgain(output, stamp: cacheStamp, previous: previous).last
            if let last, last.inputs == loaded.inputs, TreeIdentity(of: output.target) == last.tree {
                log("[2/5] Nothing changed since the last build")
                return BuildReport(diagnostics: last.warnings, files: last.files, pagesWritten: 0, pagesRendered: 0, timings: clock.timings)
            }
        }
        let prepared = try prepare(loaded, &clock)
        let cache = prepared.cache
        let held = try lock(output)
        defer { held.release() }
        let current = useCache ? cacheAgain(output, stamp: cacheStamp, previous: previous) : .empty()
        let trees = current.trees
        let (graph, theme, bodies, markdown) = (prepared.graph, prepared.theme, prepared.bodies, prepared.markdown)
        let jobs = graph.jobs(strings: theme.strings, contentRoot: options.content, theme: theme.assets, media: prepared.inventory.media)
        try checkUniquePaths(jobs)
        let sitemap = jobs.map(\.outputPath).filter { $0.hasSuffix("index.html") }
        let renderer = SiteRenderer(graph: graph, theme: theme, bodies: bodies, markdown: markdown, sitemapPaths: sitemap)
        let fingerprints = PageFingerprints(graph: graph, site: siteDigest(prepared, cache: cache),
                                            recordKeys: prepared.recordKeys, fileDigest: cache.digest(of:))
            .fingerprints(of: jobs)
        let update = TreeUpdate(output: output, paths: jobs.map(\.outputPath), fingerprints: fingerprints,
                                known: trees)
        var plan = update.plan()
        // All but the trees of the next cache is known now; it is encoded while pages are rendered.
        let needed = !plan.unchanged || cache.changed || previous.last?.inputs != prepared.inputs
        let (recordKeys, inventory) = (prepared.recordKeys, prepared.inventory)
        let content = Background { () -> [UInt8] in
            guard needed else { return [] }
            return cache.next(usedRecords: Set(recordKeys.values), usedFiles: Self.files(of: inventory, theme: theme)).encodedContent()
        }
        if plan.unchanged, let current = plan.current {
            log("[4/5] Nothing changed in \(jobs.count) files")
            clock.lap("render")
            var kept = [current.0: current.1]
            if let spare = TreeIdentity(of: output.spareFolder), let manifest = trees[spare] { kept[spare] = manifest }
            let last = BuildCache.LastBuild(inputs: prepared.inputs, tree: current.0, files: jobs.count, warnings: prepared.warnings)
            if cache.changed || previous.last != last {
                try? BuildCache.write([content.value, BuildCache.encoded(trees: kept, last: last)], to: output.cacheFile)
            }
            clock.lap("write")
            return BuildReport(diagnostics: prepared.warnings, files: jobs.count, pagesWritten: 0, pagesRendered: 0, timings: clock.timings)
        }
        let spare: URL
        do { spare = try update.prepareSpare(&plan) } catch {
            throw writeFailure("cannot write beside the output folder: \(error.localizedDescription)")
        }
        let work = plan.work
        let toRender = work.filter { $0 == .render }.count
        log("[4/5] Rendering \(toRender) of \(jobs.count) files")
        let beforeWrite = options.beforeWrite
        let failure = FirstFailure()
        let outputRoot = output.target
        _ = Parallel.map(Array(jobs.indices)) { index in
            guard !failure.happened, work[index] != .keep else { return }
            let job = jobs[index]
            do {
                try beforeWrite?(job.outputPath)
                if work[index] == .copy {
                    try FileWriter.copy(outputRoot.appendingPathComponent(job.outputPath).path,
                                        to: spare.appendingPathComponent(job.outputPath).path)
                } else {
                    try renderer.render(job, into: spare)
                }
            } catch {
                failure.record("could not write \(job.outputPath) into the folder beside \(options.output.path) (\(error.localizedDescription)); the previous site was left as it was")
            }
        }
        if let message = failure.message { throw writeFailure(message) }
        clock.lap("render")
        log("[5/5] Writing \(options.output.path)")
        do {
            var trees: [TreeIdentity: BuildCache.Manifest] = [:]
            let built = TreeIdentity(of: spare)
            if let built { trees[built] = plan.manifest }
            if let current = plan.current { trees[current.0] = current.1 }
            let last = built.map { BuildCache.LastBuild(inputs: prepared.inputs, tree: $0, files: jobs.count, warnings: prepared.warnings) }
            try BuildCache.write([content.value, BuildCache.encoded(trees: trees, last: last)], to: output.cacheFile)
            try update.commit(spare)
        } catch {
            throw writeFailure("could not replace the output folder: \(error.localizedDescription)")
        }
        clock.lap("write")
        let written = work.filter { $0 != .keep }.count
        return BuildReport(diagnostics: prepared.warnings, files: jobs.count, pagesWritten: written, pagesRendered: toRender, timings: clock.timings)
    }

    /// Every file whose digest the cache keeps, by the path it is kept under.
    private static func files(of inventory: ContentInventory, theme: Theme) -> Set<String> {
        var files = inventory.records.flatMap { [$0.file] + $0.bundleAssets } + inventory.media + theme.assets
        files += inventory.communities.map(\.profile) + inventory.pages.map(\.file)
        if let site = inventory.site { files.append(site) }
        return Set(files.map(\.url.path))
    }

    /// The build lock, and what killed builds left beside the output removed under it.
    private func lock(_ output: OutputFolder) throws(BuildFailed) -> BuildLock {
        do {
            let lock = try output.lock { log("Waiting for another build into \(options.output.path) to finish") }
            output.removeLeftovers()
            return lock
        } catch {
            throw writeFailure("cannot write beside the output folder: \(error.localizedDescription)")
        }
    }

    /// The cache as it is now, under the lock: a build that finished while this one waited changed it.
    private func cacheAgain(_ output: OutputFolder, stamp: FileStamp?, previous: BuildCache) -> BuildCache {
        stamp != nil && FileStamp(of: output.cacheFile) == stamp ? previous : BuildCache.load(from: output.cacheFile)
    }

    private func writeFailure(_ message: String) -> BuildFailed {
        BuildFailed(diagnostics: [Diagnostic(path: options.output.path, message: message)])
    }

    /// What every page depends on besides its own records: the program, the theme, the
    /// site's settings, community profiles and free pages, and the build's options.
    private func siteDigest(_ prepared: Prepared, cache: RecordCache) -> Digest {
        var b = DigestBuilder("site")
        b.add(Engine.digest)
        b.add(options.includeDrafts)
        b.add(prepared.theme.digest)
        var sources = prepared.inventory.communities.map(\.profile) + prepared.inventory.pages.map(\.file)
        if let site = prepared.inventory.site { sources.append(site) }
        for file in sources {
            b.add(file.path)
            b.add(cache.digest(of: file).map(\.description) ?? UUID().uuidString)
        }
        return b.finish()
    }

    /// Load, validate and index: everything `check` and `build` share.
    /// What the checking stages hand to rendering.
    private struct Prepared {
        let graph: SiteGraph
        let theme: Theme
        let inventory: ContentInventory
        let markdown: MarkdownRenderer
        let bodies: RenderedBodies
        let recordKeys: [String: Digest]
        let cache: RecordCache
        let inputs: Digest
        let warnings: [Diagnostic]
    }

    /// What the load stage found: enough to tell whether anything changed since the last build.
    private struct Loaded {
        let inventory: ContentInventory
        let site: SiteConfig
        let theme: Theme
        let problems: [Diagnostic]
        let cache: RecordCache
        /// A digest of every input of the build: files, theme, options, program and today.
        let inputs: Digest
    }

    private func prepare(_ clock: inout StageClock, previous loading: Background<BuildCache>) throws(BuildFailed) -> Prepared {
        try prepare(load(&clock, previous: loading), &clock)
    }

    private func load(_ clock: inout StageClock, previous loading: Background<BuildCache>) throws(BuildFailed) -> Loaded {
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
        var environment = DigestBuilder("parse")
        environment.add(Engine.digest)
        environment.add(theme.stringsDigest)
        environment.add(site.unsafeHTML)
        let cache = RecordCache(previous: loading.value, environment: environment.finish())
        let inputs = inputsDigest(inventory, theme: theme, today: SiteClock.today(options.moment, timeZone: site.timeZone),
                                  problems: problems, cache: cache)
        clock.lap("load")
        return Loaded(inventory: inventory, site: site, theme: theme, problems: problems, cache: cache, inputs: inputs)
    }

    /// Every file by path and content, the theme, the options and the day: equal digests mean
    /// the build would write exactly what the last one wrote.
    private func inputsDigest(_ inventory: ContentInventory, theme: Theme, today: SimpleDate,
                              problems: [Diagnostic], cache: RecordCache) -> Digest {
        var b = DigestBuilder("inputs")
        b.add(Engine.digest)
        b.add(theme.digest)
        b.add(options.includeDrafts)
        b.add(today.iso)
        for problem in problems { b.add(problem.description) }
        func add(_ file: SourceFile) {
            b.add(file.path)
            b.add(cache.digest(of: file) ?? DigestBuilder(UUID().uuidString).finish())
        }
        for file in theme.assets { add(file) }
        if let site = inventory.site { add(site) }
        for page in inventory.pages { add(page.file) }
        for community in inventory.communities { add(community.profile) }
        for record in inventory.records {
            add(record.file)
            b.add(record.bundleAssets.count)
            for asset in record.bundleAssets { add(asset) }
        }
        for file in inventory.media { add(file) }
        return b.finish()
    }

    private func prepare(_ loaded: Loaded, _ clock: inout StageClock) throws(BuildFailed) -> Prepared {
        let (inventory, site, theme, cache) = (loaded.inventory, loaded.site, loaded.theme, loaded.cache)
        var problems = loaded.problems
        let fileCount = inventory.records.count + inventory.communities.count + inventory.pages.count
        log("[2/5] Validating \(fileCount) files")
        let markdown = MarkdownRenderer(allowRawHTML: site.unsafeHTML)
        let parsed = ContentValidator(labels: theme.strings.values, markdown: markdown, cache: cache).validate(inventory, site: site)
        problems += parsed.diagnostics
        let bodies = RenderedBodies(entries: parsed.bodies, diagnostics: parsed.bodyProblems, markdown: markdown,
                                    contentRoot: options.content)
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
        return Prepared(graph: graph, theme: theme, inventory: inventory, markdown: markdown, bodies: bodies,
                        recordKeys: parsed.recordKeys, cache: cache, inputs: loaded.inputs, warnings: ordered)
    }

    private func checkUniquePaths(_ jobs: [PageJob]) throws(BuildFailed) {
        var seen = Set<String>(minimumCapacity: jobs.count)
        guard !jobs.allSatisfy({ seen.insert($0.outputPath).inserted }) else { return }
        var owners: [String: Int] = [:]
        var clashes: [Diagnostic] = []
        for (index, job) in jobs.enumerated() {
            guard let first = owners[job.outputPath] else {
                owners[job.outputPath] = index
                continue
            }
            let source = job.sourcePath(contentRoot: options.content) ?? job.outputPath
            let other = jobs[first].sourcePath(contentRoot: options.content).map { " (made from \($0))" } ?? ""
            clashes.append(Diagnostic(path: source, message: "would be published as \(job.outputPath), which the site already uses for another page\(other); rename this file"))
        }
        throw BuildFailed(diagnostics: Diagnostic.ordered(clashes))
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
