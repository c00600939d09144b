import BulletinContent
import BulletinIncremental
import BulletinModel
import BulletinOutput
import BulletinRender
import BulletinSite
import BulletinSupport
import Foundation

/// The checking stages (load, validate, index) that `check` and `build` share, and the
/// digests the build cache compares.
extension Builder {
    /// Load, validate and index: everything `check` and `build` share.
    /// What the checking stages hand to rendering.
    struct Prepared {
        let graph: SiteGraph
        let theme: Theme
        let inventory: ContentInventory
        let markdown: MarkdownRenderer
        let bodies: Background<[ObjectIdentifier: RenderedBodies.Entry]>
        /// The digest of everything each record was made from, for those that have one.
        let recordKeys: [Digest]
        let contentRoot: URL
        let cache: RecordCache
        let digests: Digests
        let stamps: Digest?
        let warnings: [Diagnostic]

        /// Every record's rendered Markdown.
        var rendered: RenderedBodies { RenderedBodies(entries: bodies.value, markdown: markdown, contentRoot: contentRoot) }
    }

    /// What the build cache compares, worked out in the load stage.
    struct Digests {
        /// What every page depends on besides its own records: the program, the theme, the
        /// site's settings, community profiles and free pages, and the build's options.
        let site: Digest
        /// Every input of the build: the above, every other file, today and the load problems.
        let inputs: Digest
        /// The digest of each record's file, in the inventory's order, for the validate stage.
        let records: [Digest?]
    }

    /// The content folder as scanned, before any file is read.
    struct Scanned {
        let inventory: ContentInventory
        let site: SiteConfig
        let problems: [Diagnostic]
        let today: SimpleDate
        /// See `stamps(of:problems:today:)`.
        let stamps: Digest?
        /// The folders as this build found them, for the next (see `FolderListings`).
        let listings: FolderListings?
    }

    /// What the load stage found: enough to tell whether anything changed since the last build.
    struct Loaded {
        let inventory: ContentInventory
        let site: SiteConfig
        let theme: Theme
        let problems: [Diagnostic]
        let cache: RecordCache
        let today: SimpleDate
        let stamps: Digest?
        /// Nil when there is no last build to compare with: the validate stage then works out
        /// each record's digest from the bytes it parses, and the digests are made after it.
        let digests: Digests?
    }

    func prepare(_ clock: inout StageClock, previous loading: Background<BuildCache>) throws(BuildFailed) -> Prepared {
        try prepare(load(scan(stamped: false), &clock, previous: loading), &clock)
    }

    /// The first part of the load stage: the content folder listed and `site.yml` read.
    /// `stamped`: whether the next build will be told of the stamps (`check` writes no cache).
    func scan(stamped: Bool) throws(BuildFailed) -> Scanned {
        say(.progressLoading, ["folder": options.content.path])
        let startedAt = Date().timeIntervalSince1970
        // Only a build that writes a cache keeps the folders' names for the next.
        let listings = stamped ? FolderListings(file: options.useCache ? OutputFolder(options.output).listingsFile : nil, startedAt: startedAt) : nil
        var scanner = ContentScanner(root: options.content, listDirectory: options.listDirectory, listings: listings)
        let inventory = scanner.scan()
        var problems = scanner.diagnostics
        let siteSink = DiagnosticSink()
        let languages = ThemeFiles.languages(in: options.templates)
        let site = inventory.site.flatMap { ProfileParser.site($0, sink: siteSink, languages: languages) }
        problems += siteSink.diagnostics
        guard let site else { throw BuildFailed(diagnostics: Diagnostic.ordered(problems)) }
        let today = SiteClock.today(options.moment, timeZone: site.timeZone)
        return Scanned(inventory: inventory, site: site, problems: problems, today: today,
                       stamps: stamped ? stamps(of: inventory, problems: problems, today: today, startedAt: startedAt) : nil,
                       listings: listings)
    }

    /// Every input told apart without reading a file: each file's location and stamp (content,
    /// theme, media), the program, the options, today and what the scan reported. Equal to the
    /// last build's, nothing can have changed. Nil when a file changed in the two seconds before
    /// the build (a second change within one tick of the clock would leave its stamp as it was).
    func stamps(of inventory: ContentInventory, problems: [Diagnostic], today: SimpleDate, startedAt: Double) -> Digest? {
        var b = DigestBuilder("stamps")
        b.add(Engine.digest)
        b.add(options.includeDrafts)
        b.add(options.compileTemplates)
        b.add(today.iso)
        b.add(options.templates.path)
        for problem in problems { b.add(problem.description) }
        let theme = ["layouts", "partials", "strings", "assets"].flatMap {
            ThemeFiles.list($0, in: options.templates)
        }
        @Sendable func add(_ file: SourceFile, to b: inout DigestBuilder) -> Bool {
            guard let stamp = file.stamp, Double(max(stamp.modified, stamp.changed)) / 1e9 < startedAt - 2 else { return false }
            b.add(file.location)
            b.add(stamp.size)
            b.add(stamp.modified)
            b.add(stamp.changed)
            b.add(Int(bitPattern: UInt(stamp.inode)))
            b.add(Int(bitPattern: UInt(stamp.device)))
            return true
        }
        let others = inventory.profileFiles + inventory.media + theme
        for file in others { guard add(file, to: &b) else { return nil } }
        // Each record's part (its file and its bundle's) on any core, then joined in order.
        let records = inventory.records
        let parts = Parallel.map(Array(records.indices)) { index -> Digest? in
            var part = DigestBuilder()
            guard add(records[index].file, to: &part) else { return nil }
            for asset in records[index].bundleAssets { guard add(asset, to: &part) else { return nil } }
            return part.finish()
        }
        for part in parts {
            guard let part else { return nil }
            b.add(part)
        }
        b.add(others.count + records.reduce(0) { $0 + 1 + $1.bundleAssets.count })
        return b.finish()
    }

    func load(_ scanned: Scanned, _ clock: inout StageClock, previous loading: Background<BuildCache>) throws(BuildFailed) -> Loaded {
        let (inventory, site, today) = (scanned.inventory, scanned.site, scanned.today)
        var problems = scanned.problems
        let (loadedTheme, themeProblems) = Theme.load(from: options.templates, language: site.language,
                                                      accepted: loading.value.last?.templates, compiling: options.compileTemplates,
                                                      previous: loading.value.theme)
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
        // Worked out on every core: without a cache, each file is read here.
        let recordDigests = loading.value.last == nil ? nil : Parallel.map(inventory.records) { cache.digest(of: $0.file) }
        let digests = recordDigests.map {
            self.digests(inventory, theme: theme, today: today, problems: problems, cache: cache, recordDigests: $0)
        }
        clock.lap("load")
        return Loaded(inventory: inventory, site: site, theme: theme, problems: problems, cache: cache, today: today,
                      stamps: scanned.stamps, digests: digests)
    }

    /// Equal input digests mean the build would write exactly what the last one wrote.
    /// `recordDigests` are those of the records' files, in the inventory's order.
    private func digests(_ inventory: ContentInventory, theme: Theme, today: SimpleDate,
                         problems: [Diagnostic], cache: RecordCache, recordDigests: [Digest?]) -> Digests {
        @Sendable func add(_ file: SourceFile, to b: inout DigestBuilder) {
            b.add(file.path)
            b.add(cache.digest(of: file) ?? Digest.unique())
        }
        var site = DigestBuilder("site")
        site.add(Engine.digest)
        site.add(options.includeDrafts)
        site.add(theme.digest)
        for file in inventory.profileFiles { add(file, to: &site) }
        let siteDigest = site.finish()
        var inputs = DigestBuilder("inputs")
        inputs.add(siteDigest)
        inputs.add(today.iso)
        for problem in problems { inputs.add(problem.description) }
        for file in theme.assets { add(file, to: &inputs) }
        // Every record file with its bundle's files, each digested on any core, then the media files.
        let records = inventory.records
        let perRecord = Parallel.map(Array(records.indices)) { index in
            let record = records[index]
            var b = DigestBuilder()
            b.add(record.file.path)
            b.add(recordDigests[index] ?? Digest.unique())
            for asset in record.bundleAssets { add(asset, to: &b) }
            return b.finish()
        }
        for digest in perRecord { inputs.add(digest) }
        for file in inventory.media { add(file, to: &inputs) }
        return Digests(site: siteDigest, inputs: inputs.finish(), records: recordDigests)
    }

    func prepare(_ loaded: Loaded, _ clock: inout StageClock) throws(BuildFailed) -> Prepared {
        let (inventory, site, theme, cache) = (loaded.inventory, loaded.site, loaded.theme, loaded.cache)
        var problems = loaded.problems
        let fileCount = inventory.records.count + inventory.communities.count + inventory.pages.count
        say(.progressValidating, ["count": fileCount])
        let markdown = MarkdownRenderer(allowRawHTML: site.unsafeHTML)
        let parsed = ContentValidator(labels: theme.strings.values, markdown: markdown, cache: cache)
            .validate(inventory, site: site, recordDigests: loaded.digests?.records)
        let digests = loaded.digests ?? self.digests(inventory, theme: theme, today: loaded.today, problems: loaded.problems,
                                                     cache: cache, recordDigests: parsed.recordDigests)
        problems += parsed.diagnostics
        problems += parsed.bodyProblems
        clock.lap("validate")

        say(.progressIndexing, ["count": parsed.content.records.count])
        var indexer = SiteIndexer(includeDrafts: options.includeDrafts,
                                  today: loaded.today)
        let graph = indexer.index(parsed.content)
        problems += indexer.diagnostics
        if site.baseURL == nil, !problems.contains(where: { $0.field == SiteFields.baseURL.key }) {
            problems.append(Diagnostic(.warning, path: "site.yml", field: SiteFields.baseURL.key, .baseURLMissing))
        }
        clock.lap("index")
        let ordered = Diagnostic.ordered(problems)
        if ordered.contains(where: { $0.severity == .error }) { throw BuildFailed(diagnostics: ordered) }
        return Prepared(graph: graph, theme: theme, inventory: inventory, markdown: markdown, bodies: parsed.bodies, recordKeys: parsed.recordKeys,
                        contentRoot: options.content, cache: cache, digests: digests, stamps: loaded.stamps, warnings: ordered)
    }

    /// Every file whose digest the cache keeps, by its location.
    static func files(of inventory: ContentInventory, theme: Theme) -> [String] {
        var locations: [String] = []
        forEachFile(of: inventory, theme: theme) { locations.append($0.location) }
        return locations
    }

    /// How many files `files(of:theme:)` lists, counted without making the list.
    static func fileCount(of inventory: ContentInventory, theme: Theme) -> Int {
        var count = 0
        forEachFile(of: inventory, theme: theme) { _ in count += 1 }
        return count
    }

    /// The one walk over the cached files that both of the above take, so they cannot disagree.
    private static func forEachFile(of inventory: ContentInventory, theme: Theme, _ body: (SourceFile) -> Void) {
        inventory.profileFiles.forEach(body)
        for record in inventory.records {
            body(record.file)
            record.bundleAssets.forEach(body)
        }
        inventory.media.forEach(body)
        theme.assets.forEach(body)
    }
}
