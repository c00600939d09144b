import BulletinModel
import BulletinSupport

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
        var text = yaml
        guard text.withUTF8({ $0.firstOffset(of: UInt8(ascii: "&")) != nil && $0.firstOffset(of: UInt8(ascii: "*")) != nil })
        else { return }
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
        var text = yaml
        try text.withUTF8 { bytes in Result { () throws(Refusal) in try checkSyntax(bytes) } }.get()
        try checkAliasesAnywhere(yaml)
    }

    /// Every character the scan looks for is ASCII, so it reads bytes; a byte of a longer
    /// character is never one of them. Columns are counted in characters (scalars) again
    /// only for a refusal.
    private static func checkSyntax(_ text: UnsafeBufferPointer<UInt8>) throws(Refusal) {
        let (space, tab, newline) = (UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"))
        var flowDepth = 0
        var quote: UInt8?
        var blockTextIndent: Int?
        var lineNumber = 0
        var lineStart = 0
        while lineStart <= text.count {
            var lineEnd = lineStart
            while lineEnd < text.count, text[lineEnd] != newline { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            let chars = UnsafeBufferPointer(rebasing: text[lineStart..<lineEnd])
            var indent = 0
            while indent < chars.count, chars[indent] == space || chars[indent] == tab { indent += 1 }
            if let textIndent = blockTextIndent, quote == nil {
                if indent > textIndent || indent == chars.count { continue }
                blockTextIndent = nil
            }
            func refuse(_ offset: Int, _ message: String) -> Refusal {
                let column = chars[..<offset].count { $0 & 0xC0 != 0x80 } + 1
                return Refusal(line: lineNumber, column: column, message: message)
            }
            func endsToken(_ i: Int) -> Bool { i + 1 == chars.count || chars[i + 1] == space || chars[i + 1] == tab }
            var valueStarts = quote == nil
            var blockDepth = indent / 2
            var i = quote == nil ? indent : 0
            scan: while i < chars.count {
                let c = chars[i]
                defer { i += 1 }
                if let open = quote {
                    if c == UInt8(ascii: "\\"), open == UInt8(ascii: "\"") { i += 1 } else if c == open { quote = nil }
                    continue
                }
                if c == space || c == tab { continue }
                if c == UInt8(ascii: "#"), i == 0 || chars[i - 1] == space || chars[i - 1] == tab { break scan }
                if valueStarts {
                    switch c {
                    case UInt8(ascii: "&"), UInt8(ascii: "*"):
                        throw refuse(i, aliasMessage(startingWith: String(UnicodeScalar(c))))
                    case UInt8(ascii: "\""), UInt8(ascii: "'"):
                        quote = c
                        valueStarts = false
                    case UInt8(ascii: "-") where flowDepth == 0 && endsToken(i), UInt8(ascii: "?") where endsToken(i):
                        blockDepth += 1
                    case UInt8(ascii: "|"), UInt8(ascii: ">"):
                        if flowDepth == 0 {
                            blockTextIndent = indent
                            break scan
                        }
                        valueStarts = false
                    case UInt8(ascii: "["), UInt8(ascii: "{"):
                        flowDepth += 1
                    case UInt8(ascii: "]"), UInt8(ascii: "}"):
                        flowDepth = max(0, flowDepth - 1)
                        valueStarts = false
                    default:
                        valueStarts = false
                    }
                } else if c == UInt8(ascii: ":"), endsToken(i) || (flowDepth > 0 && [UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(chars[i + 1])) {
                    valueStarts = true
                } else if flowDepth > 0, c == UInt8(ascii: ",") {
                    valueStarts = true
                } else if flowDepth > 0, c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                    flowDepth -= 1
                }
                if flowDepth > maximumDepth || blockDepth > maximumDepth {
                    throw refuse(i, "the front matter is nested more than \(maximumDepth) levels deep; fields need only a few levels")
                }
            }
        }
    }
}
