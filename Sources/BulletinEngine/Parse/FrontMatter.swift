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

    static func split(_ text: String) throws(Failure) -> FrontMatter {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.popFirst(), first.trimmingTrailingSpaces == "---" else {
            throw .missingOpening
        }
        var yamlLines: [Substring] = []
        while let line = lines.popFirst() {
            let trimmed = line.trimmingTrailingSpaces
            if trimmed == "---" || trimmed == "..." {
                return FrontMatter(yaml: yamlLines.joined(separator: "\n"), yamlFirstLine: 2,
                                   body: lines.joined(separator: "\n"), bodyFirstLine: yamlLines.count + 3)
            }
            yamlLines.append(line)
        }
        throw .notClosed
    }
}

extension Substring {
    fileprivate var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}
