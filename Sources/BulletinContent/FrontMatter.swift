import BulletinModel
import BulletinSupport

/// Splits a record's text into its YAML front matter and Markdown body.
struct FrontMatter {
    let yaml: String
    /// File line on which the YAML's first line stands (the line after the opening `---`).
    let yamlFirstLine: Int
    let body: String
    /// File line on which the body's first line stands.
    let bodyFirstLine: Int

    enum Failure: Error, Equatable {
        case missingOpening
        case notClosed
    }

    /// Works on UTF-8 bytes, line ends found with `memchr`, and copies only the two parts:
    /// records can be megabytes long.
    static func split(_ text: String) throws(Failure) -> FrontMatter {
        var copy = text
        // Byte offsets of the YAML and of the body's start, and the body's first line; or why not.
        let found: Result<(yaml: Range<Int>, body: Int, bodyLine: Int), Failure> = copy.withUTF8 { bytes in
            var lineStart = 0
            var lineNumber = 1
            var yamlStart: Int?
            while lineStart < bytes.count {
                let lineEnd = bytes.firstOffset(of: UInt8(ascii: "\n"), from: lineStart) ?? bytes.count
                let isFence = isMarker(UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd]), opening: yamlStart == nil)
                if let start = yamlStart {
                    if isFence { return .success((start..<max(start, lineStart - 1), min(lineEnd + 1, bytes.count), lineNumber + 1)) }
                } else {
                    guard isFence else { return .failure(.missingOpening) }
                    yamlStart = min(lineEnd + 1, bytes.count)
                }
                lineStart = lineEnd + 1
                lineNumber += 1
            }
            return .failure(yamlStart == nil ? .missingOpening : .notClosed)
        }
        let parts: (yaml: Range<Int>, body: Int, bodyLine: Int)
        switch found {
        case .success(let success): parts = success
        case .failure(let failure): throw failure
        }
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        return FrontMatter(yaml: String(text[index(parts.yaml.lowerBound)..<index(parts.yaml.upperBound)]), yamlFirstLine: 2,
                           body: String(text[index(parts.body)...]), bodyFirstLine: parts.bodyLine)
    }

    /// `---` (or `...` to close), ignoring trailing spaces and tabs.
    private static func isMarker(_ line: UnsafeBufferPointer<UInt8>, opening: Bool) -> Bool {
        var end = line.count
        while end > 0, line[end - 1] == UInt8(ascii: " ") || line[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        guard end == 3 else { return false }
        let marker = (line[0], line[1], line[2])
        return marker == (0x2D, 0x2D, 0x2D) || (!opening && marker == (0x2E, 0x2E, 0x2E))
    }
}
