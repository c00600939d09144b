/// Markdown that would make cmark's tree far larger than the text: every `>` or list marker
/// opens a container, so a line of thousands of them costs hundreds of bytes per byte.
/// Minutes never need more than a few levels.
enum MarkdownLimits {
    static let maximumNesting = 32

    /// The line (from 1) of the first line that opens too many quotes or lists, if any.
    static func overNested(_ markdown: String) -> Int? {
        for (index, line) in markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            var depth = 0
            var rest = line[...]
            while let byte = rest.first {
                let next = rest.dropFirst().first
                let isListMarker = (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+"))
                    && (next == nil || next == UInt8(ascii: " ") || next == UInt8(ascii: "\t"))
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "\t"):
                    break
                case UInt8(ascii: ">"):
                    depth += 1
                case _ where isListMarker:
                    depth += 1
                default:
                    rest = rest.prefix(0)
                    continue
                }
                if depth > maximumNesting { return index + 1 }
                rest = rest.dropFirst()
            }
        }
        return nil
    }
}
