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

    /// Works on UTF-8 bytes and copies only the two parts: records can be megabytes long.
    static func split(_ text: String) throws(Failure) -> FrontMatter {
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let isFence = isMarker(bytes[lineStart..<lineEnd], opening: yamlStart == nil)
            if yamlStart == nil {
                guard isFence else { throw .missingOpening }
                yamlStart = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
            } else if isFence {
                let yamlEnd = lineStart > yamlStart! ? bytes.index(before: lineStart) : lineStart
                let bodyStart = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
                return FrontMatter(yaml: String(text[yamlStart!..<yamlEnd]), yamlFirstLine: 2,
                                   body: String(text[bodyStart...]), bodyFirstLine: lineNumber + 1)
            }
            guard lineEnd < bytes.endIndex else { break }
            lineStart = bytes.index(after: lineEnd)
            lineNumber += 1
        }
        if yamlStart == nil { throw .missingOpening }
        throw .notClosed
    }

    /// `---` (or `...` to close), ignoring trailing spaces and tabs.
    private static func isMarker(_ line: Substring.UTF8View.SubSequence, opening: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { trimmed = trimmed.dropLast() }
        return trimmed.elementsEqual("---".utf8) || (!opening && trimmed.elementsEqual("...".utf8))
    }
}
