import BulletinEngine
import BulletinModel
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// What `bulletin serve` is asked to do.
public struct ServeOptions: Sendable {
    /// The content, theme, drafts and date, as for `build`; the output is the server's own.
    public var build: BuildOptions
    public var host = "127.0.0.1"
    /// 0 lets the system pick a free port.
    public var port = 8000
    /// The language of the error page; nil: the site's.
    public var diagnosticsLanguage: String?
    /// Where the server builds; nil: a folder of its own under the system's temporary folder,
    /// named after the content and theme folders, so that the next start finds its cache.
    public var workFolder: URL?
    /// Ctrl-C and SIGTERM stop the server; tests stop it by `PreviewServer.stop()`.
    public var stopOnSignals = true
    public var keepAlive: Duration = .seconds(15)
    /// Saves are gathered into one build until none has come for `quiet`, or for `longest` at most.
    public var quiet: Duration = .milliseconds(30)
    public var longest: Duration = .milliseconds(250)

    public init(build: BuildOptions) { self.build = build }
}

/// Why the server could not start.
public struct ServeFailure: Error, CustomStringConvertible {
    public let description: String
}

/// Builds the site into a folder of its own, serves it, and builds again on every save;
/// open pages reload by themselves. While the content does not build, every page is the
/// list of what to fix.
public final class PreviewServer: Sendable {
    public let options: ServeOptions
    private let log: @Sendable (String) -> Void
    private let version = SiteVersion()
    private let group: ServiceGroupBox = ServiceGroupBox()

    /// `log` receives what the terminal shows: the address, each build, each problem.
    public init(_ options: ServeOptions, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
    }

    /// Builds once, then serves until stopped; `ready` gets the address once pages are served.
    public func run(ready: @escaping @Sendable (URL) async -> Void = { _ in }) async throws {
        let work = try prepareWorkFolder()
        let state = PreviewState(root: work.path + "/site")
        var configured = options.build
        configured.output = work.appendingPathComponent("site")
        configured.useCache = true
        configured.keepDataUntilExit = false
        let site = SiteSettings.read(content: options.build.content)
        let language = SiteSettings.diagnosticsLanguage(content: options.build.content, choice: options.diagnosticsLanguage)
        configured.language = language
        let build = configured
        let roots = [options.build.content, options.build.templates]
        let (version, log) = (self.version, self.log)
        let rebuilds = Rebuilds { stopRequested in
            var options = build
            options.beforeWrite = { _ in if stopRequested() { throw CancellationError() } }
            let built = Self.buildOnce(options, state: state, language: language, roots: roots, log: log, stopped: stopRequested)
            // After a build from scratch the spare tree is made now, before the site is
            // announced, rather than by the writer's first save.
            if built, !Builder.hasSpare(output: options.output) {
                options.makeSpare = true
                _ = try? Builder(options: options).build()
            }
            version.raise()
        }
        rebuilds.request()
        let watcher = FolderWatcher(roots, quiet: options.quiet, longest: options.longest) { rebuilds.request() }
        watcher.start()
        defer {
            watcher.stop()
            rebuilds.stop()
        }
        let router = Router()
        router.add(middleware: StaticFiles(state: state, version: version))
        router.addSiteEvents(version, keepAlive: options.keepAlive)
        var logger = Logger(label: "bulletin.serve")
        // Its own errors on stopping (a page's stream cut) mean nothing to the writer; failures to start are thrown.
        logger.logLevel = .critical
        let (host, title) = (options.host, site?.title ?? "the site")
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(host, port: options.port), serverName: nil),
            onServerRunning: { channel in
                // The first build is under way on its thread; pages are served once it is done.
                while version.current == 0, !Task.isCancelled { try? await Task.sleep(for: .milliseconds(5)) }
                let address = URL(string: "http://\(host.contains(":") ? "[\(host)]" : host):\(channel.localAddress?.port ?? 0)/")!
                log(Message(.serveServing, ["title": title, "address": address.absoluteString]).text(in: language))
                await ready(address)
            },
            logger: logger)
        // Services are stopped last first: a build under way stops before its next file, then the server.
        var configuration = ServiceGroupConfiguration(services: [application, StopBuilds(rebuilds: rebuilds)],
                                                      gracefulShutdownSignals: options.stopOnSignals ? [.sigint, .sigterm] : [],
                                                      logger: logger)
        // Open pages hold their event streams; past this they are cut rather than waited for.
        configuration.maximumGracefulShutdownDuration = .milliseconds(500)
        let serviceGroup = ServiceGroup(configuration: configuration)
        group.set(serviceGroup)
        do {
            try await serviceGroup.run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw ServeFailure(description: Self.portInUse(options.port, host: host).text(in: language))
        }
    }

    /// Stops the server as Ctrl-C does.
    public func stop() async { await group.get()?.triggerGracefulShutdown() }

    private static func buildOnce(_ options: BuildOptions, state: PreviewState, language: DiagnosticLanguage, roots: [URL],
                                  log: @Sendable (String) -> Void, stopped: () -> Bool) -> Bool {
        let start = ContinuousClock.now
        do {
            let report = try Builder(options: options).build()
            state.built()
            for diagnostic in report.diagnostics { log(diagnostic.description(in: language)) }
            let elapsed = ContinuousClock.now - start
            let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            log(Message(.serveBuilt, ["files": report.files, "milliseconds": Int(milliseconds), "rendered": report.pagesRendered,
                                      "written": report.pagesWritten]).text(in: language))
            return true
        } catch {
            // A build stopped because the server is stopping has nothing to show.
            if stopped() { return false }
            let diagnostics = error.diagnostics
            for diagnostic in diagnostics { log(diagnostic.description(in: language)) }
            state.failed(ErrorPage.html(diagnostics, language: language, roots: roots))
            log(Message(.serveFailed, ["count": error.errorCount]).text(in: language))
            return false
        }
    }

    /// The server's own folder, made if missing.
    private func prepareWorkFolder() throws -> URL {
        let folder = options.workFolder ?? Self.defaultWorkFolder(for: options.build)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ServeFailure(description: Message(.serveFolderFailed, ["folder": folder.path, "reason": error.localizedDescription]).english)
        }
        guard let real = realpath(folder.path, nil) else {
            throw ServeFailure(description: Message(.serveFolderFailed, ["folder": folder.path, "reason": String(cString: strerror(errno))]).english)
        }
        defer { free(real) }
        return URL(fileURLWithPath: String(cString: real), isDirectory: true)
    }

    private static func defaultWorkFolder(for build: BuildOptions) -> URL {
        let key = [build.content, build.templates].map { $0.standardizedFileURL.path }.joined(separator: "\n") + (build.includeDrafts ? "\ndrafts" : "")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-serve-\(getuid())/\(String(hash, radix: 16))")
    }

    /// The message for a port in use, naming one that is free now.
    static func portInUse(_ port: Int, host: String) -> Message {
        let free = (port + 1...port + 100).first { candidate in
            guard candidate < 65536 else { return false }
            return isFree(candidate, host: host)
        }
        let hint = free.map { Message(.servePortHint, ["port": $0]) } ?? Message(.servePortZeroHint)
        return Message(.servePortInUse, ["port": port, "hint": hint])
    }

    private static func isFree(_ port: Int, host: String) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return false }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host == "0.0.0.0" || host.contains(":") ? "0.0.0.0" : host)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}

/// Stops the builds as soon as the server is asked to stop, so that Ctrl-C during a long first
/// build does not wait for it to finish.
private struct StopBuilds: Service {
    let rebuilds: Rebuilds

    func run() async throws {
        try? await gracefulShutdown()
        rebuilds.stop()
    }
}

/// The service group, once made, for `stop()` to reach from another task.
private final class ServiceGroupBox: @unchecked Sendable {
    private let lock = NSLock()
    private var group: ServiceGroup?
    func set(_ group: ServiceGroup) { lock.withLock { self.group = group } }
    func get() -> ServiceGroup? { lock.withLock { group } }
}

extension BuildFailed {
    fileprivate var errorCount: Int { diagnostics.count(where: { $0.severity == .error }) }
}
