import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A loopback HTTP/1.1 client on a plain socket: the request line goes out exactly as written
/// (URL libraries remove `..` before sending), and the answer is read raw.
final class RawHTTP: @unchecked Sendable {
    private let socket: Int32
    private(set) var received: [UInt8] = []

    init(port: Int, timeoutSeconds: Int = 10) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw HTTPFailure("socket: errno \(errno)") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw HTTPFailure("connect: errno \(errno)")
        }
    }

    deinit { close(socket) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw HTTPFailure("send: errno \(errno)") }
            sent += count
        }
    }

    /// Reads until `enough` says so or the server closes; throws on the timeout.
    @discardableResult
    func read(until enough: (String) -> Bool = { _ in false }) throws -> String {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !enough(String(decoding: received, as: UTF8.self)) {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count == 0 { break }
            guard count > 0 else { throw HTTPFailure("recv: errno \(errno) after \(String(decoding: received, as: UTF8.self).debugDescription)") }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }
}

struct HTTPFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

struct HTTPAnswer {
    let status: Int
    /// Names lowercased.
    let headers: [String: String]
    let body: String
}

/// One request on a new connection, closed after the answer; run on a thread of its own so
/// the test's waiting does not hold one of the few threads the server's tasks run on.
func request(_ port: Int, _ method: String = "GET", _ target: String) async throws -> HTTPAnswer {
    try await onThread {
        let connection = try RawHTTP(port: port)
        try connection.send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        let text = try connection.read()
        guard let split = text.range(of: "\r\n\r\n") else { throw HTTPFailure("no head in \(text.debugDescription)") }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        guard let status = lines.first?.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else {
            throw HTTPFailure("no status in \(lines.first ?? "")")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return HTTPAnswer(status: status, headers: headers, body: String(text[split.upperBound...]))
    }
}

@discardableResult
func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
