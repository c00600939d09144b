import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Headless Chromium driven through chromedriver's WebDriver protocol (plain JSON over HTTP),
/// for tests of what a resident's or a writer's browser does with a page.
final class HeadlessChromium: @unchecked Sendable {
    private let driver: Process
    private let base: URL
    private let session: String

    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"

    init(width: Int = 800, height: Int = 600) async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.chromedriver), FileManager.default.isExecutableFile(atPath: Self.chromium) else {
            throw HTTPFailure("Chromium is missing: apt-get install chromium chromium-driver (the README's test command does)")
        }
        let port = try Self.freePort()
        driver = Process()
        driver.executableURL = URL(fileURLWithPath: Self.chromedriver)
        driver.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        base = URL(string: "http://127.0.0.1:\(port)")!
        let deadline = ContinuousClock.now + .seconds(20)
        var lastError: (any Error)?
        while true {
            do {
                _ = try await Self.call(base, "GET", "/status")
                break
            } catch { lastError = error }
            guard ContinuousClock.now < deadline else {
                driver.terminate()
                throw HTTPFailure("chromedriver did not start: \(String(describing: lastError))")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        let options: [String: Any] = ["binary": Self.chromium,
                                      "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                               "--window-size=\(width),\(height)"]]
        let created = try await Self.call(base, "POST", "/session",
                                          ["capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": options]]])
        guard let value = created as? [String: Any], let id = value["sessionId"] as? String else {
            driver.terminate()
            throw HTTPFailure("no session: \(String(describing: created))")
        }
        session = id
    }

    func open(_ url: URL) async throws {
        _ = try await Self.call(base, "POST", "/session/\(session)/url", ["url": url.absoluteString])
    }

    /// Runs `script` (a function body) in the page and returns what it returns.
    func run(_ script: String) async throws -> Any? {
        try await Self.call(base, "POST", "/session/\(session)/execute/sync", ["script": script, "args": [Any]()])
    }

    func close() async {
        _ = try? await Self.call(base, "DELETE", "/session/\(session)")
        driver.terminate()
        // Polled: Foundation's waitUntilExit spins a run loop on Linux.
        for _ in 0..<100 where driver.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        if driver.isRunning { kill(driver.processIdentifier, SIGKILL) }
    }

    /// One WebDriver command over a plain socket (Foundation's URLSession on Linux fails on
    /// chromedriver's answers with "Failed writing header").
    private static func call(_ base: URL, _ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        let (port, hasBody) = (base.port ?? 80, body != nil)
        let answer = try await onThread { () -> (head: String, body: Data) in
            let connection = try RawHTTP(port: port, timeoutSeconds: 60)
            var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
            if hasBody { head += "Content-Type: application/json; charset=utf-8\r\n" }
            head += "Content-Length: \(payload.count)\r\n\r\n"
            try connection.send(head + String(decoding: payload, as: UTF8.self))
            // chromedriver keeps the connection open after the answer: it is read to its length.
            try connection.read(until: { _ in Self.complete(connection.received) })
            let bytes = connection.received
            guard let split = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else { throw HTTPFailure("no head from chromedriver") }
            return (String(decoding: bytes[..<split.lowerBound], as: UTF8.self), Data(bytes[split.upperBound...]))
        }
        let json = try JSONSerialization.jsonObject(with: answer.head.lowercased().contains("transfer-encoding: chunked") ? dechunked(answer.body) : answer.body)
        guard answer.head.hasPrefix("HTTP/1.1 200") else { throw HTTPFailure("\(method) \(path): \(json)") }
        return (json as? [String: Any])?["value"] ?? nil
    }

    private static func complete(_ bytes: [UInt8]) -> Bool {
        guard let split = bytes.firstRange(of: Array("\r\n\r\n".utf8)) else { return false }
        let head = String(decoding: bytes[..<split.lowerBound], as: UTF8.self).lowercased()
        guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
              let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) else {
            return head.contains("transfer-encoding: chunked") && bytes.suffix(5).elementsEqual(Array("0\r\n\r\n".utf8))
        }
        return bytes.count - split.upperBound >= length
    }

    private static func dechunked(_ data: Data) -> Data {
        var (result, rest) = (Data(), data[...])
        while let lineEnd = rest.firstRange(of: Data("\r\n".utf8)),
              let size = Int(String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self).trimmingCharacters(in: .whitespaces), radix: 16),
              size > 0 {
            let start = lineEnd.upperBound
            result += rest[start..<start + size]
            rest = rest[(start + size + 2)...]
        }
        return result
    }

    private static func freePort() throws -> Int {
        let listener = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { Glibc.close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0 }
        }
        guard bound else { throw HTTPFailure("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
