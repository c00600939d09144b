/// Refuses YAML that could make the parser take unbounded time or stack, before it is parsed:
/// anchors and aliases (a "billion laughs" document expands exponentially), very deep nesting,
/// and front matter too large to be fields. Front matter needs none of these.
///
/// It reads just enough of YAML's syntax to know where a value starts (after `key: `, `- `,
/// `[`, `{` or `,`), outside quotes, comments and block text (`|`, `>`).
enum YAMLGuard {
    struct Refusal: Error, Equatable {
        let line: Int
        let column: Int
        let message: String
    }

    /// A second line of defence that does not depend on reading YAML's grammar at all: an
    /// alias (`*name`) anywhere in the text whose anchor (`&name`) also appears anywhere is
    /// refused. Every anchor and alias is spelt that way literally, so nothing gets past this;
    /// the scan below alone was misled by quotes continued across lines and by byte-order
    /// marks, which libyaml skips at the start of any line.
    private static func checkAliasesAnywhere(_ yaml: String) throws(Refusal) {
        // Without both an `&` and a `*` no alias can name an anchor.
        guard yaml.utf8.contains(UInt8(ascii: "&")), yaml.utf8.contains(UInt8(ascii: "*")) else { return }
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        func names(after marker: Unicode.Scalar) -> [(name: String, line: Int, column: Int)] {
            var found: [(String, Int, Int)] = []
            for (index, chars) in lines.enumerated() {
                for i in chars.indices where chars[i] == marker {
                    let name = chars[(i + 1)...].prefix { !" \t,[]{}".unicodeScalars.contains($0) }
                    if !name.isEmpty { found.append((String(String.UnicodeScalarView(name)), index + 1, i + 1)) }
                }
            }
            return found
        }
        let anchors = Set(names(after: "&").map(\.name))
        guard !anchors.isEmpty, let alias = names(after: "*").first(where: { anchors.contains($0.name) }) else { return }
        throw Refusal(line: alias.line, column: alias.column, message: aliasMessage(startingWith: "* or &"))
    }

    private static func aliasMessage(startingWith start: String) -> String {
        "anchors (&name) and aliases (*name) are not supported in front matter; write the value out in full, and put text that starts with \(start) in quotes"
    }

    static let maximumBytes = 256 << 10
    static let maximumDepth = 32

    static func check(_ yaml: String) throws(Refusal) {
        if yaml.utf8.count > maximumBytes {
            throw Refusal(line: 1, column: 1, message: "the front matter is \(Size.text(yaml.utf8.count)), more than the \(Size.text(maximumBytes)) fields may take; move long text below the closing `---`")
        }
        var flowDepth = 0
        var quote: Unicode.Scalar?
        var blockTextIndent: Int?
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let chars = Array(line.unicodeScalars)
            let indent = chars.prefix(while: { $0 == " " || $0 == "\t" }).count
            if let textIndent = blockTextIndent, quote == nil {
                if indent > textIndent || indent == chars.count { continue }
                blockTextIndent = nil
            }
            func refuse(_ column: Int, _ message: String) -> Refusal {
                Refusal(line: index + 1, column: column + 1, message: message)
            }
            func endsToken(_ i: Int) -> Bool { i + 1 == chars.count || chars[i + 1] == " " || chars[i + 1] == "\t" }
            var valueStarts = quote == nil
            var blockDepth = indent / 2
            var i = quote == nil ? indent : 0
            scan: while i < chars.count {
                let c = chars[i]
                defer { i += 1 }
                if let open = quote {
                    if c == "\\", open == "\"" { i += 1 } else if c == open { quote = nil }
                    continue
                }
                if c == " " || c == "\t" { continue }
                if c == "#", i == 0 || chars[i - 1] == " " || chars[i - 1] == "\t" { break scan }
                if valueStarts {
                    switch c {
                    case "&", "*":
                        throw refuse(i, aliasMessage(startingWith: "\(c)"))
                    case "\"", "'":
                        quote = c
                        valueStarts = false
                    case "-" where flowDepth == 0 && endsToken(i), "?" where endsToken(i):
                        blockDepth += 1
                    case "|", ">":
                        if flowDepth == 0 {
                            blockTextIndent = indent
                            break scan
                        }
                        valueStarts = false
                    case "[", "{":
                        flowDepth += 1
                    case "]", "}":
                        flowDepth = max(0, flowDepth - 1)
                        valueStarts = false
                    default:
                        valueStarts = false
                    }
                } else if c == ":", endsToken(i) || (flowDepth > 0 && ",]}".unicodeScalars.contains(chars[i + 1])) {
                    valueStarts = true
                } else if flowDepth > 0, c == "," {
                    valueStarts = true
                } else if flowDepth > 0, c == "]" || c == "}" {
                    flowDepth -= 1
                }
                if flowDepth > maximumDepth || blockDepth > maximumDepth {
                    throw refuse(i, "the front matter is nested more than \(maximumDepth) levels deep; fields need only a few levels")
                }
            }
        }
        try checkAliasesAnywhere(yaml)
    }
}