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
        if options.keepDataUntilExit { ExitKeeper.keep((loaded, previous)) }
        // Inputs equal to the last build's: if the output is still that build's tree, nothing is to do.
        if useCache, let inputs = loaded.digests?.inputs, previous.last?.inputs == inputs {
            let held = try lock(output)
            defer { held.release() }
            let last = cacheAgain(output, stamp: cacheStamp, previous: previous).last
            if let last, last.inputs == inputs, TreeIdentity(of: output.target) == last.tree {
                log("[2/5] Nothing changed since the last build")
                return BuildReport(diagnostics: last.warnings, files: last.files, pagesWritten: 0, pagesRendered: 0, timings: clock.timings)
            }
        }
        let prepared = try prepare(loaded, &clock)
        if options.keepDataUntilExit { ExitKeeper.keep(prepared) }
        let held = try lock(output)
        defer { held.release() }
        let current = useCache ? cacheAgain(output, stamp: cacheStamp, previous: previous) : .empty()
        return try write(prepared, output: output, previous: previous, known: current.trees, clock: &clock)
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

    func writeFailure(_ message: String) -> BuildFailed {
        BuildFailed(diagnostics: [Diagnostic(path: options.output.path, message: message)])
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
