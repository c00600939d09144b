/// A request's path, checked before anything is looked up: percent-decoded once, valid UTF-8,
/// absolute, at most 4,096 bytes, and holding no NUL, no backslash, no `.` or `..` segment and
/// no encoded slash or backslash (which would smuggle a separator past the split into
/// segments). A double-encoded `%252e%252e` decodes to the name `%2e%2e`, looked up as written.
struct RequestPath: Equatable, Sendable {
    /// The decoded segments; empty ones (`//`) are dropped.
    let segments: [String]
    /// The path ends with `/`, or is `/`.
    let trailingSlash: Bool

    enum Rejection: Error, Equatable {
        case tooLong, encodedSeparator, badPercentEncoding, notUTF8, notAbsolute, nul, backslash, dotSegment
    }

    static let maximumLength = 4096

    /// `raw` is the path as the request line gave it: no query, still percent-encoded.
    init(raw: String) throws(Rejection) {
        let bytes = Array(raw.utf8)
        guard bytes.count <= Self.maximumLength else { throw .tooLong }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "%") else {
                decoded.append(bytes[index])
                index += 1
                continue
            }
            guard index + 2 < bytes.count, let high = Self.hex(bytes[index + 1]), let low = Self.hex(bytes[index + 2]) else {
                throw .badPercentEncoding
            }
            let byte = high << 4 | low
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "\\") { throw .encodedSeparator }
            decoded.append(byte)
            index += 3
        }
        guard let path = String(validating: decoded, as: UTF8.self) else { throw .notUTF8 }
        guard path.hasPrefix("/") else { throw .notAbsolute }
        guard !decoded.contains(0) else { throw .nul }
        guard !decoded.contains(UInt8(ascii: "\\")) else { throw .backslash }
        let parts = path.split(separator: "/").map(String.init)
        guard !parts.contains(where: { $0 == "." || $0 == ".." }) else { throw .dotSegment }
        segments = parts
        trailingSlash = path.hasSuffix("/")
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// The `Content-Type` for a file name; text types say they are UTF-8.
func contentType(forFileName name: String) -> String {
    let suffix = name.lastIndex(of: ".").map { name[name.index(after: $0)...].lowercased() } ?? ""
    switch suffix {
    case "html", "htm": return "text/html; charset=utf-8"
    case "css": return "text/css; charset=utf-8"
    case "js", "mjs": return "text/javascript; charset=utf-8"
    case "json": return "application/json; charset=utf-8"
    case "xml": return "application/xml; charset=utf-8"
    case "ics": return "text/calendar; charset=utf-8"
    case "csv": return "text/csv; charset=utf-8"
    case "svg": return "image/svg+xml; charset=utf-8"
    case "txt", "md": return "text/plain; charset=utf-8"
    case "png": return "image/png"
    case "jpg", "jpeg": return "image/jpeg"
    case "gif": return "image/gif"
    case "webp": return "image/webp"
    case "avif": return "image/avif"
    case "ico": return "image/x-icon"
    case "woff": return "font/woff"
    case "woff2": return "font/woff2"
    case "pdf": return "application/pdf"
    default: return "application/octet-stream"
    }
}
