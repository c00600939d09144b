import BulletinContent
import BulletinIncremental
import BulletinModel
import BulletinOutput
import BulletinRender
import BulletinSite
import BulletinSupport
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
        // Stamped with or without the cache: a build with `--no-cache` leaves them for the next.
        let scanned = try scan(stamped: true)
        if options.keepDataUntilExit { ExitKeeper.keep((scanned, loading)) }
        // What a check of the output found, when it found the output changed.
        var checked: OutputCheck?
        // Every input's stamp as the last build found it: nothing changed, and no file is read.
        if useCache, !options.makeSpare, let stamps = scanned.stamps, loading.value.last?.stamps == stamps {
            var scanning = clock
            scanning.lap("load")
            if let report = try unchanged(output, cacheStamp: cacheStamp, previous: loading.value, timings: scanning.timings,
                                          how: .progressUnchangedStamps, checked: &checked, { $0.stamps == stamps }) {
                return report
            }
        }
        // Some input changed, so the spare is to be brought up to date: it is checked on the
        // cores the next stages leave idle, and the check stands if the cache is still this one.
        let spareFolder = output.spareFolder
        let spareCheck = Background { useCache ? CheckedTree(spareFolder, in: loading.value) : nil }
        let loaded = try load(scanned, &clock, previous: loading)
        let previous = loading.value
        if options.keepDataUntilExit { ExitKeeper.keep((loaded, previous)) }
        // Inputs equal to the last build's: if the output is still that build's tree, nothing is to do.
        if useCache, !options.makeSpare, let inputs = loaded.digests?.inputs, previous.last?.inputs == inputs,
           let report = try unchanged(output, cacheStamp: cacheStamp, previous: previous, timings: clock.timings, how: .progressUnchanged,
                                      checked: &checked, { $0.inputs == inputs }) {
            return report
        }
        let prepared = try prepare(loaded, &clock)
        if options.keepDataUntilExit { ExitKeeper.keep(prepared) }
        let held = try lock(output)
        defer { held.release() }
        let cacheStayed = cacheStamp != nil && FileStamp(of: output.cacheFile) == cacheStamp
        let current = !useCache ? .empty() : cacheStayed ? previous : BuildCache.load(from: output.cacheFile)
        let report = try write(prepared, output: output, previous: previous, known: current.trees, checked: checked,
                               spareCheck: cacheStayed ? spareCheck.value : nil, clock: &clock)
        scanned.listings?.save(to: output.listingsFile)
        return report
    }

    /// The last build's report when, under the lock, the cache still describes it as `matches`
    /// says and the output is still the tree it made, every file and folder as it left them.
    /// An output found changed is written again by the rest of the build; `checked` keeps what
    /// was found, so that it is neither checked nor reported twice.
    private func unchanged(_ output: OutputFolder, cacheStamp: FileStamp?, previous: BuildCache, timings: [(stage: String, seconds: Double)],
                           how: DiagnosticKind, checked: inout OutputCheck?, _ matches: (BuildCache.LastBuild) -> Bool) throws(BuildFailed) -> BuildReport? {
        let held = try lock(output)
        defer { held.release() }
        let cache = cacheAgain(output, stamp: cacheStamp, previous: previous)
        guard let last = cache.last, matches(last), let tree = TreeIdentity(of: output.target), tree == last.tree,
              let manifest = cache.trees[tree], checked?.tree != tree else { return nil }
        let check = TreeCheck(of: output.target, manifest)
        guard check.intact else {
            if let line = TreeCheck.report(changed: check.changedFiles, added: check.strays.count, in: "the output") { log(line) }
            checked = OutputCheck(tree: tree, files: check.files)
            return nil
        }
        say(how)
        return BuildReport(diagnostics: last.warnings, files: last.files, pagesWritten: 0, pagesRendered: 0, timings: timings)
    }

    /// The build lock, and what killed builds left beside the output removed under it.
    private func lock(_ output: OutputFolder) throws(BuildFailed) -> BuildLock {
        do {
            let lock = try output.lock { say(.progressWaiting, ["folder": options.output.path]) }
            output.removeLeftovers()
            return lock
        } catch {
            throw writeFailure(Message(.outputLockFailed, ["reason": error.localizedDescription]))
        }
    }

    /// The cache as it is now, under the lock: a build that finished while this one waited changed it.
    private func cacheAgain(_ output: OutputFolder, stamp: FileStamp?, previous: BuildCache) -> BuildCache {
        stamp != nil && FileStamp(of: output.cacheFile) == stamp ? previous : BuildCache.load(from: output.cacheFile)
    }

    /// Whether the output folder has a spare tree beside it, which builds keep up to date so
    /// that an edit writes only what it changed.
    public static func hasSpare(output: URL) -> Bool {
        FileManager.default.fileExists(atPath: OutputFolder(output).spareFolder.path)
    }

    func writeFailure(_ problem: Message) -> BuildFailed {
        BuildFailed(diagnostics: [Diagnostic(path: options.output.path, problem)])
    }

    /// Logs a progress line in the language the options ask for.
    func say(_ kind: DiagnosticKind, _ arguments: KeyValuePairs<String, any MessageArgument> = [:]) {
        log(Message(kind, arguments).text(in: options.language))
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
