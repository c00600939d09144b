import BulletinModel
import BulletinSupport

/// Markdown that would make cmark's tree far larger than the text: every `>` or list marker
/// opens a container, so a line of thousands of them costs hundreds of bytes per byte.
/// Minutes never need more than a few levels.
enum MarkdownLimits {
    static let maximumNesting = 32

    /// The line (from 1) of the first line that opens too many quotes or lists, if any.
    /// Counts `>` and list markers (`-`, `*`, `+` before a space, tab or the line's end) in
    /// the run of those and blanks that begins each line.
    static func overNested(_ markdown: String) -> Int? {
        var markdown = markdown
        return markdown.withUTF8 { bytes -> Int? in
            var line = 1, start = 0
            while start < bytes.count {
                var depth = 0, i = start
                lineStart: while i < bytes.count {
                    switch bytes[i] {
                    case UInt8(ascii: "\n"): break lineStart
                    case UInt8(ascii: " "), UInt8(ascii: "\t"): break
                    case UInt8(ascii: ">"): depth += 1
                    case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                        let next = i + 1 < bytes.count ? bytes[i + 1] : UInt8(ascii: "\n")
                        guard next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\n") else { break lineStart }
                        depth += 1
                    default: break lineStart
                    }
                    if depth > maximumNesting { return line }
                    i += 1
                }
                // The rest of the line cannot open anything: on to the next one.
                guard let newline = bytes.firstOffset(of: UInt8(ascii: "\n"), from: i) else { return nil }
                start = newline + 1
                line += 1
            }
            return nil
        }
    }
}
