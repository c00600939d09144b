import BulletinContent
import BulletinIncremental
import BulletinModel
import BulletinOutput
import BulletinRender
import BulletinSite
import BulletinSupport
import Foundation

/// The render and write stages: fingerprint every page, render only those the spare tree
/// lacks, and swap the spare in.
extension Builder {
    /// `checked`: what an earlier check of the output in this build found (see `Builder.unchanged`);
    /// `spareCheck`: the spare's check made while the pages were prepared, against `known`.
    func write(_ prepared: Prepared, output: OutputFolder, previous: BuildCache, known: [TreeIdentity: BuildCache.Manifest],
               checked: OutputCheck?, spareCheck: CheckedTree?, clock: inout StageClock) throws(BuildFailed) -> BuildReport {
        let cache = prepared.cache
        // All but the trees of the next cache is known now; it is encoded and written while the
        // pages are fingerprinted and rendered, and put in place when anything changed.
        let (recordKeys, inventory) = (prepared.recordKeys, prepared.inventory)
        let nextCache = CacheFileWriter(file: output.cacheFile) { output in
            try cache.next(usedRecords: recordKeys, usedFileCount: Self.fileCount(of: inventory, theme: prepared.theme),
                           usedFiles: { Self.files(of: inventory, theme: prepared.theme) }).writeContent(to: &output)
        }
        defer { nextCache.discard() }
        let (graph, theme, bodies, markdown) = (prepared.graph, prepared.theme, prepared.rendered, prepared.markdown)
        let jobs = graph.jobs(strings: theme.strings, contentRoot: options.content, theme: theme.assets, media: prepared.inventory.media)
            + (options.extraPages?(graph) ?? []).map(PageJob.custom)
        // Worked out once: a path is a string built anew each time a job is asked for it.
        let paths = Parallel.map(jobs) { $0.outputPath }
        // Listed on another core while the pages are fingerprinted.
        let listing = Background { [paths] in BuildCache.PathList(paths) }
        let sitemap = paths.filter { $0.hasSuffix("index.html") }
        let renderer = SiteRenderer(graph: graph, theme: theme, bodies: bodies, markdown: markdown, sitemapPaths: sitemap)
        let fingerprints = PageFingerprints(graph: graph, site: prepared.digests.site,
                                            fileDigest: cache.digest(of:))
            .fingerprints(of: jobs, paths: paths, sitemapPaths: sitemap)
        let pathList = listing.value
        // A tree the cache knows was built from paths that were checked: the same list needs no check.
        if !known.values.contains(where: { $0.paths == pathList }) { try checkUniquePaths(jobs, paths) }
        let update = TreeUpdate(output: output, paths: paths, pathList: pathList, fingerprints: fingerprints, known: known)
        var plan = update.plan(checked: checked)
        if options.keepDataUntilExit { ExitKeeper.keep((jobs, update, plan, renderer)) }
        // The output already holds these pages, if its files are still as the last build left them.
        if plan.unchanged, !options.makeSpare, let current = plan.current, plan.outputFiles == nil {
            let check = TreeCheck(of: output.target, current.1)
            if check.intact {
                say(.progressNothingToRender, ["count": jobs.count])
                clock.lap("render")
                var kept = [(current.0, current.1)]
                if let spare = TreeIdentity(of: output.spareFolder), spare != current.0, let manifest = known[spare] { kept.append((spare, manifest)) }
                let last = BuildCache.LastBuild(inputs: prepared.digests.inputs, stamps: prepared.stamps, templates: prepared.theme.templatesDigest, tree: current.0,
                                                files: jobs.count, warnings: prepared.warnings)
                let theme = prepared.theme.loaded
                if cache.changed || previous.last != last || previous.theme?.stringsKey != theme.stringsKey
                    || previous.theme?.templatesKey != theme.templatesKey {
                    try? nextCache.finish(with: BuildCache.encoded(trees: kept, last: last, theme: theme))
                }
                clock.lap("write")
                return BuildReport(diagnostics: prepared.warnings, files: jobs.count, pagesWritten: 0, pagesRendered: 0, timings: clock.timings)
            }
            if let line = TreeCheck.report(changed: check.changedFiles, added: check.strays.count, in: "the output") { log(line) }
            plan.outputFiles = check.files
        }
        let spare: URL
        do { spare = try update.prepareSpare(&plan, early: spareCheck) } catch {
            throw writeFailure(Message(.outputLockFailed, ["reason": error.localizedDescription]))
        }
        update.checkSources(&plan)
        for line in plan.found { log(line) }
        let work = plan.work
        let toRender = work.filter { $0 == .render }.count
        // The rest of the next cache is known now (the spare's new marker is its identity) but
        // for the stamps of the files about to be written: it is written while the pages
        // render, those stamps after them, and it is put in place only once they are.
        let built = TreeIdentity(of: spare)
        let stamping = update.stamping(plan)
        var trees: [(TreeIdentity, BuildCache.Manifest)] = []
        if let built { trees.append((built, stamping.built)) }
        if let current = plan.current { trees.append((current.0, current.1)) }
        let last = built.map {
            BuildCache.LastBuild(inputs: prepared.digests.inputs, stamps: prepared.stamps, templates: prepared.theme.templatesDigest, tree: $0,
                                 files: jobs.count, warnings: prepared.warnings)
        }
        let loadedTheme = prepared.theme.loaded
        nextCache.complete { [trees] in BuildCache.encoded(trees: trees, last: last, theme: loadedTheme) }
        say(.progressRendering, ["count": toRender, "total": jobs.count])
        let written = jobs.indices.filter { work[$0] != .keep }
        let shared = update.sharedFiles(plan, written: written)
        let results = try renderPages(jobs, paths: paths, written: written, work: work, shared: shared, with: renderer, into: spare,
                                      empty: plan.spareWasEmpty, copyingFrom: output.target)
        clock.lap("render")
        say(.progressWriting, ["folder": options.output.path])
        do {
            let patches = update.patches(stamping, written: written, results: results, in: spare,
                                         built: built == nil ? nil : 0, current: plan.current == nil ? nil : trees.count - 1)
            try nextCache.commit(tail: BuildCache.encoded(patches: patches))
            try update.commit(spare)
        } catch {
            throw writeFailure(Message(.outputReplaceFailed, ["reason": error.localizedDescription]))
        }
        clock.lap("write")
        return BuildReport(diagnostics: prepared.warnings, files: jobs.count, pagesWritten: written.count, pagesRendered: toRender, timings: clock.timings)
    }

    /// Renders or copies, in parallel, every file the spare lacks (`written`); the first failure
    /// stops the rest. Returns the stamp of each file written, taken from the file just written.
    /// `shared`, for each of them: the output's recorded stamp of the same path where the
    /// spare's file is the output's too (one inode, linked), whose change time removing it changes.
    private func renderPages(_ jobs: [PageJob], paths: [String], written: [Int], work: [TreeUpdate.Work], shared: [UInt64?],
                             with renderer: SiteRenderer, into spare: URL, empty: Bool, copyingFrom outputRoot: URL) throws(BuildFailed) -> [TreeUpdate.Written] {
        let beforeWrite = options.beforeWrite
        let failure = FirstFailure()
        // Paths are joined as strings: `URL.appendingPathComponent` asks the file system
        // whether each name is a folder, a stat per page.
        let (spareRoot, outputRootPath) = (spare.path, outputRoot.path)
        // Only the files to write are handed out: checking the other thousands for a failure
        // would take a lock for each, its cache line passed between the cores.
        let results = Parallel.map(Array(written.indices)) { item -> TreeUpdate.Written in
            var result = TreeUpdate.Written()
            guard !failure.happened else { return result }
            let index = written[item]
            let (job, path) = (jobs[index], paths[index])
            do {
                try beforeWrite?(path)
                let (destination, source) = (spareRoot + "/" + path, outputRootPath + "/" + path)
                if work[index] == .copy {
                    // The spare shares unchanged files with the output through hard links, so a
                    // file in it is never written in place: the old name is removed and a new file made.
                    if !empty { Self.remove(destination) }
                    if link(source, destination) == 0 {
                        // One file under two names: linking changed its change time for both.
                        result.stamp = TreeStamp.word(at: destination)
                        result.outputStamp = result.stamp
                    } else {
                        result.stamp = TreeStamp.word(try FileWriter.copy(source, to: destination))
                    }
                } else {
                    let before = shared[item].map { _ in TreeStamp.word(at: source) }
                    if !empty { Self.remove(destination) }
                    result.stamp = TreeStamp.word(try Self.write(job, path: path, with: renderer, at: destination))
                    if let recorded = shared[item] { result.outputStamp = before == recorded ? TreeStamp.word(at: source) : TreeStamp.unknown }
                }
            } catch {
                failure.record(Message(.outputWriteFailed, ["path": path, "output": options.output.path, "reason": error.localizedDescription]))
            }
            return result
        }
        if let problem = failure.problem { throw writeFailure(problem) }
        return results
    }

    /// Removes a name from the spare; a folder someone put where a file goes, whole.
    private static func remove(_ path: String) {
        if unlink(path) != 0, errno == EISDIR { try? FileManager().removeItem(atPath: path) }
    }

    /// Writes the job's file, whose site path is `path`, at `destination` in the spare tree;
    /// returns what the file system says of the file written.
    private static func write(_ job: PageJob, path: String, with renderer: SiteRenderer, at destination: String) throws -> stat {
        if case .copy(let source, _) = job {
            return try FileWriter.copy(source.path, to: destination)
        }
        return try FileWriter.store(renderer.bytes(of: job, path: path), at: destination)
    }

    /// Two files that would be published at one address stop the build, naming both sources.
    private func checkUniquePaths(_ jobs: [PageJob], _ paths: [String]) throws(BuildFailed) {
        var seen = Set<String>(minimumCapacity: paths.count)
        guard !paths.allSatisfy({ seen.insert($0).inserted }) else { return }
        var owners: [String: Int] = [:]
        var clashes: [Diagnostic] = []
        for (index, job) in jobs.enumerated() {
            let path = paths[index]
            guard let first = owners[path] else {
                owners[path] = index
                continue
            }
            let source = job.sourcePath(contentRoot: options.content) ?? path
            let other = jobs[first].sourcePath(contentRoot: options.content).map { Message(.madeFrom, ["source": $0]).messageArgument }
            clashes.append(Diagnostic(path: source, Message(.outputPathClash, values: ["path": .text(path), "source": other ?? .text("")])))
        }
        throw BuildFailed(diagnostics: Diagnostic.ordered(clashes))
    }
}

/// The first of the failures that parallel work runs into; once one happened, the rest is skipped.
private final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var first: Message?

    var happened: Bool { lock.withLock { first != nil } }
    var problem: Message? { lock.withLock { first } }

    func record(_ problem: Message) {
        lock.withLock { if first == nil { first = problem } }
    }
}
