import Foundation
import Testing
@testable import BulletinEngine
@testable import BulletinModel
@testable import BulletinServe
#if canImport(Glibc)
import Glibc
#endif

/// `bulletin serve`, started on a free port and spoken to over HTTP on loopback.
@Suite("Preview server")
struct ServeTests {
    static let meeting = "communities/riverside/meetings/2024-03-05-lift-round-1.md"
    static let meetingPage = "/communities/riverside/meetings/lift-round-1/"

    @Test func servesTheBuiltSiteWithTheReloadScriptAndRightTypes() async throws {
        let site = try TestSite.fixture("en-site")
        try await serving(site) { port in
            let home = try await request(port, "GET", "/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.body.contains("<h1>"))
            #expect(home.body.contains("new EventSource(\"/_bulletin/events\")"))
            #expect(home.body.range(of: "<script>")!.lowerBound < home.body.range(of: "</body>")!.lowerBound)
            let style = try await request(port, "GET", "/assets/style.css")
            #expect(style.status == 200)
            #expect(style.headers["content-type"] == "text/css; charset=utf-8")
            #expect(!style.body.contains("<script>"))
            let feed = try await request(port, "GET", "/feed.xml")
            #expect(feed.headers["content-type"] == "application/xml; charset=utf-8")
            let head = try await request(port, "HEAD", "/")
            #expect(head.status == 200 && head.body.isEmpty)
            #expect(head.headers["content-length"] == home.headers["content-length"])
            #expect(try await request(port, "POST", "/").status == 405)
            #expect(try await request(port, "DELETE", "/index.html").status == 405)
            let folder = try await request(port, "GET", "/communities?x=1")
            #expect(folder.status == 301 && folder.headers["location"] == "/communities/?x=1")
            #expect(try await request(port, "GET", "/communities/").status == 200)
            let missing = try await request(port, "GET", "/no-such-page/")
            #expect(missing.status == 404)
            #expect(missing.body.contains("<html"), "the site's own 404 page")
        }
        // Built sites stay free of JavaScript: the script is added only as pages are served.
        let built = try site.build()
        #expect(try !built.read("index.html").contains("<script"))
    }

    @Test func chinesePathsArePercentDecoded() async throws {
        let site = try TestSite.fixture("zh-site")
        try await serving(site) { port in
            let tag = "/tags/" + "电梯".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)! + "/"
            let page = try await request(port, "GET", tag)
            #expect(page.status == 200)
            #expect(page.body.contains("电梯"))
        }
    }

    @Test func nothingOutsideTheServedFolderIsServed() async throws {
        let site = try TestSite.fixture("en-site")
        let work = site.root.appendingPathComponent("serve")
        try await serving(site, workFolder: work) { port in
            try FileManager.default.createSymbolicLink(atPath: work.path + "/site/passwd.txt", withDestinationPath: "/etc/passwd")
            try FileManager.default.createSymbolicLink(atPath: work.path + "/site/up", withDestinationPath: "..")
            let refused = ["/../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E/%2E%2E/etc/passwd", "/assets/..%2f..%2fetc/passwd",
                           "/a%2fb", "/a%5cb", "/a\\b", "/%00", "/index.html%00.css", "/%zz", "/%ff", "/./index.html",
                           "/" + String(repeating: "a", count: 5000)]
            for target in refused {
                let answer = try await request(port, "GET", target)
                #expect(answer.status == 400, "\(target.prefix(60)): \(answer.status)")
                #expect(!answer.body.contains("root:"))
            }
            // Links are never followed, even to a file inside the folder.
            try FileManager.default.createSymbolicLink(atPath: work.path + "/site/home.html", withDestinationPath: "index.html")
            for target in ["/passwd.txt", "/up/.site.cache/state", "/up/site/index.html", "/home.html", "/%252e%252e/etc/passwd"] {
                let answer = try await request(port, "GET", target)
                #expect([400, 404].contains(answer.status), "\(target): \(answer.status)")
                #expect(!answer.body.contains("root:"))
            }
            // Still serving after all of that.
            #expect(try await request(port, "GET", "/").status == 200)
        }
    }

    @Test func aSaveReachesAnOpenPageAndTheNewPageIsServed() async throws {
        let site = try TestSite.fixture("en-site")
        try await serving(site) { port in
            #expect(try await request(port, "GET", Self.meetingPage).body.contains("Lift in building 3, round 1"))
            let events = try RawHTTP(port: port)
            try events.send("GET /_bulletin/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            try await onThread { try events.read(until: { $0.contains("data: 1\n\n") }) }
            let text = try site.read(Self.meeting)
            try site.write(Self.meeting, text.replacingOccurrences(of: "Lift in building 3, round 1", with: "Lift in building 3, first round"))
            try await onThread { try events.read(until: { $0.contains("data: 2\n\n") }) }
            let page = try await request(port, "GET", Self.meetingPage)
            #expect(page.body.contains("Lift in building 3, first round"))
            #expect(page.body.contains("var v=2,"), "the page knows the version it was served at")
        }
    }

    @Test func aBrokenRecordShowsWhereAndHowToFixItUntilFixed() async throws {
        let site = try TestSite.fixture("en-site")
        try await serving(site) { port in
            let text = try site.read(Self.meeting)
            try site.write(Self.meeting, text.replacingOccurrences(of: "format: council", with: "format: councel"))
            let broken = try await eventually { try await request(port, "GET", Self.meetingPage) } until: { $0.status == 500 }
            #expect(broken.body.contains("<html lang=\"en\">"))
            #expect(broken.body.contains("The site could not be built"))
            #expect(broken.body.contains("\(Self.meeting) <span class=\"where\">line 3, column 9</span>"))
            #expect(broken.body.contains("Field: <code>format</code>"))
            #expect(broken.body.contains("found &quot;councel&quot;, did you mean &quot;council&quot;?"))
            #expect(broken.body.contains("<mark class=\"at\">3 | format: councel</mark>\n  |         ^\n"))
            #expect(broken.body.contains("new EventSource"))
            // Every page is the error page; the files pages use are still served.
            #expect(try await request(port, "GET", "/").status == 500)
            #expect(try await request(port, "GET", "/assets/style.css").status == 200)
            try site.write(Self.meeting, text)
            let fixed = try await eventually { try await request(port, "GET", Self.meetingPage) } until: { $0.status == 200 }
            #expect(fixed.body.contains("Lift in building 3, round 1"))
        }
    }

    @Test func theErrorPageSpeaksTheSitesLanguage() async throws {
        let site = try TestSite.fixture("zh-site")
        let meeting = "communities/青友园/meetings/2024-01-09-第二轮.md"
        try await serving(site) { port in
            let text = try site.read(meeting)
            try site.write(meeting, text.replacingOccurrences(of: "format: 议事会", with: "format: 议是会"))
            let broken = try await eventually { try await request(port, "GET", "/") } until: { $0.status == 500 }
            #expect(broken.body.contains("<html lang=\"zh-CN\">"))
            #expect(broken.body.contains("网站未能生成"))
            #expect(broken.body.contains("\(meeting) <span class=\"where\">第 3 行，第 9 列</span>"))
            #expect(broken.body.contains("共 1 处问题"))
            let message = broken.body.components(separatedBy: "<p class=\"message\">").last?.components(separatedBy: "</p>").first ?? ""
            #expect(message.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "the message itself is in Chinese: \(message)")
        }
    }

    /// What staff do to the folders while the server runs: it shows what is wrong and comes
    /// back by itself each time.
    @Test func staysUpThroughADeletedContentFolderABrokenTemplateAndABrokenSiteYml() async throws {
        let site = try TestSite.fixture("en-site")
        let theme = site.root.appendingPathComponent("theme")
        try FileManager.default.copyItem(at: Repo.templates, to: theme)
        func page(_ port: Int, until status: Int) async throws -> HTTPAnswer {
            try await eventually { try await request(port, "GET", "/") } until: { $0.status == status }
        }
        try await serving(site, templates: theme) { port in
            let away = site.root.appendingPathComponent("content-away")
            try FileManager.default.moveItem(at: site.content, to: away)
            #expect(try await page(port, until: 500).status == 500)
            try FileManager.default.moveItem(at: away, to: site.content)
            #expect(try await page(port, until: 200).body.contains("<h1>"))

            let base = theme.appendingPathComponent("layouts/base.mustache")
            let layout = try String(contentsOf: base, encoding: .utf8)
            try (layout + "\n{{#unclosed}}\n").write(to: base, atomically: true, encoding: .utf8)
            let brokenTheme = try await page(port, until: 500)
            #expect(brokenTheme.body.contains("layouts/base.mustache"))
            try layout.write(to: base, atomically: true, encoding: .utf8)
            #expect(try await page(port, until: 200).status == 200)

            let settings = try site.read("site.yml")
            try site.write("site.yml", settings + "\npage_size: many\n")
            let brokenSettings = try await page(port, until: 500)
            #expect(brokenSettings.body.contains("site.yml"))
            try site.write("site.yml", settings)
            #expect(try await page(port, until: 200).status == 200)
        }
    }

    /// Twenty saves in a burst are one or two builds, and every page asked for meanwhile is
    /// whole: the tree before a build or the tree after it.
    @Test func aBurstOfSavesIsOneBuildAndPagesAreNeverHalfWritten() async throws {
        let site = try TestSite.fixture("en-site")
        let lines = Lines()
        // A quiet time long enough that a machine busy with the other tests does not split the burst.
        try await serving(site, quiet: .milliseconds(400), log: { lines.add($0) }) { port in
            _ = try await eventually { lines.count(containing: "Built ") } until: { $0 == 1 }
            let text = try site.read(Self.meeting)
            // Saved as editors save: a whole new file renamed over the old one.
            for round in 0..<20 {
                // Hidden, as editors name it: the build leaves out names starting with `.`.
                let temporary = site.url(Self.meeting).deletingLastPathComponent().appendingPathComponent(".lift-round-1.md.\(round).tmp")
                try Data(text.replacingOccurrences(of: "round 1\"", with: "round 1 (\(round))\"").utf8).write(to: temporary)
                _ = rename(temporary.path, site.url(Self.meeting).path)
            }
            // Asked for again and again until the last save shows, through the build and the swap.
            var (asked, last) = (0, "")
            let deadline = ContinuousClock.now + .seconds(10)
            while !last.contains("round 1 (19)"), ContinuousClock.now < deadline {
                let page = try await request(port, "GET", Self.meetingPage)
                #expect(page.status == 200 && page.body.hasSuffix("</html>\n"), "\(page.status) \(page.body.suffix(40))")
                (asked, last) = (asked + 1, page.body)
            }
            #expect(last.contains("round 1 (19)"), "after \(asked) requests")
            try await Task.sleep(for: .milliseconds(500))
            // The first build, then the burst: 20 saves, one build.
            #expect(lines.count(containing: "Built ") == 2, "\(lines.all)")
        }
    }

    @Test func stopsWithinASecondWithAPageListening() async throws {
        let site = try TestSite.fixture("en-site")
        let stopping = try await serving(site) { port in
            let events = try RawHTTP(port: port)
            try events.send("GET /_bulletin/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            try await onThread { try events.read(until: { $0.contains("data: 1\n\n") }) }
        }
        #expect(stopping < .seconds(1), "took \(stopping)")
    }

    @Test func aPortInUseIsNamedWithAFreeOne() async throws {
        let site = try TestSite.fixture("en-site")
        let listener = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && listen(listener, 1) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        let taken = Int(UInt16(bigEndian: address.sin_port))
        await #expect {
            try await serving(site, port: taken) { _ in }
        } throws: { error in
            "\(error)".contains("port \(taken) is already in use") && "\(error)".contains("try --port ")
        }
    }

    @Test(arguments: ["index.md.swp", ".index.md.swx", "index.md~", "4913", ".#index.md", "#index.md#"])
    func editorScratchFilesAreNotChanges(_ name: String) {
        #expect(FolderWatcher.isEditorScratch(name))
    }

    @Test(arguments: ["index.md", "2024-03-05-lift-round-1.md", "site.yml", "base.mustache", "notes~draft.md"])
    func siteFilesAreChanges(_ name: String) {
        #expect(!FolderWatcher.isEditorScratch(name))
    }
}

/// Runs a preview server of `site` on a free port while `body` runs, then stops it as Ctrl-C
/// does; returns how long stopping took.
@discardableResult
func serving(_ site: TestSite, port: Int = 0, workFolder: URL? = nil, templates: URL? = nil, quiet: Duration = .milliseconds(30),
             log: @escaping @Sendable (String) -> Void = { _ in }, _ body: (Int) async throws -> Void) async throws -> Duration {
    var options = ServeOptions(build: site.options())
    (options.quiet, options.longest) = (quiet, max(quiet * 5, options.longest))
    if let templates { options.build.templates = templates }
    (options.port, options.stopOnSignals) = (port, false)
    options.workFolder = workFolder ?? site.root.appendingPathComponent("serve")
    let server = PreviewServer(options, log: log)
    let (ports, sink) = AsyncStream<Int>.makeStream()
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            defer { sink.finish() }
            try await server.run { address in sink.yield(address.port ?? 0) }
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await group.next()
            throw HTTPFailure("the server stopped before it served")
        }
        do { try await body(port) } catch {
            await server.stop()
            throw error
        }
        let start = ContinuousClock.now
        await server.stop()
        try await group.next()
        return ContinuousClock.now - start
    }
}

extension Lines {
    func count(containing text: String) -> Int { all.count { $0.contains(text) } }
}

extension Range<Int> {
    /// `transform` of each number, one after another.
    func asyncMap<T>(_ transform: (Int) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for number in self { results.append(try await transform(number)) }
        return results
    }
}

/// Asks `attempt` again every 20 ms until `done` accepts its answer, for up to 10 seconds.
func eventually<T>(_ attempt: () async throws -> T, until done: (T) -> Bool) async throws -> T {
    let deadline = ContinuousClock.now + .seconds(10)
    while true {
        let answer = try await attempt()
        if done(answer) || ContinuousClock.now > deadline { return answer }
        try await Task.sleep(for: .milliseconds(20))
    }
}

/// The `bulletin serve` command itself, stopped by the signals a terminal and a service
/// manager send.
@Suite("Preview server command", .enabled(if: CLI.executable != nil, "the bulletin executable has not been built"))
struct ServeCommandTests {
    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalStopsItWithinASecond(_ signal: Int32) async throws {
        let site = try TestSite.fixture("en-site")
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["serve", "--content", site.content.path, "--templates", Repo.templates.path, "--port", "0", "--now", "2026-11-23"]
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": site.root.path]) { _, new in new }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let reader = errors.fileHandleForReading
        let serving = try await onThread { () -> String in
            var text = ""
            while !text.contains("(Ctrl-C stops it)") {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            return text
        }
        let port = try #require(serving.firstMatch(of: /127\.0\.0\.1:(\d+)\//).flatMap { Int($0.output.1) }, "\(serving)")
        #expect(try await request(port, "GET", "/").status == 200)
        let start = ContinuousClock.now
        kill(process.processIdentifier, signal)
        while process.isRunning, ContinuousClock.now - start < .seconds(5) { try await Task.sleep(for: .milliseconds(10)) }
        let took = ContinuousClock.now - start
        #expect(!process.isRunning)
        #expect(took < .seconds(1), "took \(took)")
        #expect(process.terminationStatus == 0)
    }
}
