import ArgumentParser
import BulletinEngine
import BulletinModel
import BulletinServe
import Foundation

@main
struct Bulletin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract: "Builds a community governance bulletin site from Markdown records.",
        subcommands: [Build.self, Serve.self, Check.self, New.self],
        defaultSubcommand: Build.self)
}

struct SiteFolders: ParsableArguments {
    @Option(help: "The content folder (holds site.yml).")
    var content = "Content"

    @Option(help: "The theme folder.")
    var templates = "Templates"

    @Flag(help: "Include records and pages marked `draft: true`.")
    var drafts = false

    @Option(help: "The date to treat as today (YYYY-MM-DD), for upcoming meetings. Defaults to SOURCE_DATE_EPOCH, then the clock.")
    var now: String?

    @Option(help: "How to print problems: text (path:line:column: error: …) or json (one object per line).")
    var diagnostics: DiagnosticFormat = .text

    func options(output: String) throws -> BuildOptions {
        BuildOptions(content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates),
                     output: URL(fileURLWithPath: output), includeDrafts: drafts,
                     moment: try BuildMoment.resolve(now: now, environment: ProcessInfo.processInfo.environment))
    }
}

enum DiagnosticFormat: String, ExpressibleByArgument {
    case text, json
}

/// `--diagnostics-language`, for `build` and `check`.
struct DiagnosticsLanguage: ParsableArguments {
    @Option(help: "The language of problems and progress lines (en or zh-CN); defaults to the site's.")
    var diagnosticsLanguage: Choice?

    /// `zh`, `zh-cn` and the other Chinese tags are taken as zh-CN, as they are in site.yml.
    struct Choice: ExpressibleByArgument {
        let language: DiagnosticLanguage

        init?(argument: String) {
            guard ["en", "zh"].contains(where: { argument.lowercased().hasPrefix($0) }) else { return nil }
            language = DiagnosticLanguage(siteLanguage: argument)
        }

        static var allValueStrings: [String] { DiagnosticLanguage.allCases.map(\.rawValue) }
    }

    /// The choice, else the site's language (English when site.yml cannot be read).
    func resolved(content: String) -> DiagnosticLanguage {
        diagnosticsLanguage?.language ?? SiteSettings.diagnosticsLanguage(content: URL(fileURLWithPath: content))
    }
}

struct Build: ParsableCommand {
    // Named here: left to ArgumentParser, the name is made from the type's, which asks the
    // runtime to describe the type at start-up (about a millisecond of every build).
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the site into the output folder, replacing it whole.")

    @OptionGroup var folders: SiteFolders

    @OptionGroup var language: DiagnosticsLanguage

    @Option(help: "The output folder; replaced only by a complete, error-free build.")
    var output = "Public"

    @Flag(help: "Print the time each stage took.")
    var timings = false

    @Flag(help: "Ignore the build cache beside the output and build every page again.")
    var noCache = false

    func run() throws {
        let runner = Runner(format: folders.diagnostics, language: language.resolved(content: folders.content))
        try runner.run {
            var options = try folders.options(output: output)
            options.language = runner.language
            options.useCache = !noCache
            options.keepDataUntilExit = true
            let builder = Builder(options: options, log: Runner.progress)
            let report = try builder.build()
            if timings {
                for (stage, seconds) in report.timings {
                    Runner.progress(String(format: "%@ %.3f s", stage.padding(toLength: 9, withPad: " ", startingAt: 0), seconds))
                }
                let total = report.timings.reduce(0) { $0 + $1.seconds }
                if report.pagesWritten == 0 {
                    Runner.progress(String(format: "total     %.3f s, nothing to write", total))
                } else {
                    Runner.progress(String(format: "total     %.3f s, %.0f pages per second", total, Double(report.files) / max(total, 0.001)))
                }
            }
            runner.say(.progressBuilt, ["files": report.files, "output": output, "rendered": report.pagesRendered, "written": report.pagesWritten])
            return report.diagnostics
        }
    }
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site and show it in your browser, building again on every save; pages reload by themselves.",
        discussion: "Builds into a folder of its own, never into Public/. Ctrl-C stops it.")

    @OptionGroup var folders: SiteFolders

    @Option(help: "The port to serve on; 0 picks a free one.")
    var port = 8000

    @Option(help: "The address to listen on. The default lets only this computer in; 0.0.0.0 lets in every computer that can reach it.")
    var bind = "127.0.0.1"

    @Option(help: "The language of the error page (en or zh-CN); defaults to the site's.")
    var diagnosticsLanguage: String?

    func run() throws {
        var options = ServeOptions(build: try folders.options(output: "Public"))
        (options.port, options.host, options.diagnosticsLanguage) = (port, bind, diagnosticsLanguage)
        if !["127.0.0.1", "localhost", "::1"].contains(bind) {
            let language = SiteSettings.diagnosticsLanguage(content: options.build.content, choice: diagnosticsLanguage)
            Runner.progress(Message(.serveBindWarning, ["address": bind]).text(in: language))
        }
        let server = PreviewServer(options, log: Runner.progress)
        let outcome = Outcome()
        let finished = DispatchSemaphore(value: 0)
        Task {
            do { try await server.run() } catch { outcome.set(error) }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.error {
            Runner.progress("error: \(error)")
            throw ExitCode(1)
        }
    }

    /// How the server ended, handed from its task to the waiting thread.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: (any Error)?
        var error: (any Error)? { lock.withLock { stored } }
        func set(_ error: any Error) { lock.withLock { stored = error } }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Validate the content and theme without writing anything.")

    @OptionGroup var folders: SiteFolders

    @OptionGroup var language: DiagnosticsLanguage

    func run() throws {
        let runner = Runner(format: folders.diagnostics, language: language.resolved(content: folders.content))
        try runner.run {
            var options = try folders.options(output: "Public")
            options.language = runner.language
            let report = try Builder(options: options, log: Runner.progress).check()
            runner.say(.progressNoErrors)
            return report.diagnostics
        }
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a correctly named record with its front matter to fill in. Never overwrites.",
        discussion: "Example: bulletin new meeting qingyouyuan \"Elevator repair, round 2\"")

    @Argument(help: "meeting, activity, convention or problem.")
    var kind: String

    @Argument(help: "The community folder name, e.g. qingyouyuan.")
    var community: String

    @Argument(help: "The record's title; the file name is made from it.")
    var title: String

    @Option(help: "The content folder.")
    var content = "Content"

    @Option(help: "The date for the file name (YYYY-MM-DD); defaults to today.")
    var now: String?

    func run() throws {
        let moment = try BuildMoment.resolve(now: now, environment: ProcessInfo.processInfo.environment)
        do {
            let path = try NewRecord.create(kind: kind, community: community, title: title,
                                            content: URL(fileURLWithPath: content),
                                            today: NewRecord.today(moment, content: URL(fileURLWithPath: content)))
            print("Created \(content)/\(path)")
        } catch {
            let language = SiteSettings.diagnosticsLanguage(content: URL(fileURLWithPath: content))
            FileHandle.standardError.write(Data("error: \(error.problem.text(in: language))\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// Prints diagnostics in the chosen format and language, and turns a failed build into exit code 1.
struct Runner {
    let format: DiagnosticFormat
    let language: DiagnosticLanguage

    static func progress(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    func say(_ kind: DiagnosticKind, _ arguments: KeyValuePairs<String, any MessageArgument> = [:]) {
        Self.progress(Message(kind, arguments).text(in: language))
    }

    func run(_ body: () throws -> [Diagnostic]) throws {
        do {
            print(try body())
        } catch let failed as BuildFailed {
            print(failed.diagnostics)
            let count = failed.errorCount
            if count == 1 { say(.progressFailedOne) } else { say(.progressFailed, ["count": count]) }
            throw ExitCode(1)
        }
    }

    private func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            let line = format == .json ? diagnostic.json(in: language) : diagnostic.description(in: language)
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }
}
