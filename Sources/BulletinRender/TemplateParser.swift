import BulletinContent
import BulletinModel
import BulletinSite
import BulletinSupport
import Mustache

/// Reads a template into tokens the way swift-mustache 2's parser does (Template+Parser.swift),
/// step for step and character by character, so every standalone-line and indentation rule
/// comes out the same. It is run only on templates swift-mustache has already accepted.
/// Anything outside the subset the compiled renderer handles (transforms, set-delimiter tags,
/// inheritance, dynamic partials, pragmas other than the engine's content type) throws
/// `unsupported`, and that template is rendered by swift-mustache instead.
struct TemplateParser {
    enum Token: Equatable {
        case text(String)
        case variable(name: String, escaped: Bool)
        case section(name: String, inverted: Bool, [Token])
        case partial(name: String, indentation: String?)
        /// `{{%CONTENT_TYPE:name}}`.
        case contentType(String)
    }

    enum Failure: Error { case unsupported(String), malformed }

    private let text: String
    private var position: String.Index

    static func tokens(of text: String) throws(Failure) -> [Token] {
        var parser = TemplateParser(text: text, position: text.startIndex)
        return try parser.parse(section: nil, newLine: true)
    }

    private mutating func parse(section: String?, newLine startsOnNewLine: Bool) throws(Failure) -> [Token] {
        var tokens: [Token] = []
        var newLine = startsOnNewLine
        var whiteSpaceBefore: Substring = ""
        while !reachedEnd {
            if newLine { whiteSpaceBefore = read(while: { $0 == " " || $0 == "\t" }) }
            let text = try readUntilDelimiterOrNewline()
            if current.isNewline {
                tokens.append(.text(String(whiteSpaceBefore) + text + String(current)))
                newLine = true
                advance()
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(String(whiteSpaceBefore) + text))
                whiteSpaceBefore = ""
                newLine = false
            }
            if reachedEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                advance()
                let name = try parseName()
                if isStandalone(newLine) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }
                let inner = try parse(section: name, newLine: newLine && setNewLine)
                tokens.append(.section(name: name, inverted: inverted, inner))
            case "/":
                advance()
                guard try parseName() == section else { throw .malformed }
                if !isStandalone(newLine), !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(String(whiteSpaceBefore)))
                }
                return tokens
            case "!":
                advance()
                try skipComment()
                setNewLine = isStandalone(newLine)
            case "{", "&":
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }
                let triple = current == "{"
                advance()
                let name = try parseName()
                if triple { guard try read("}") else { throw .malformed } }
                tokens.append(.variable(name: name, escaped: false))
            case ">":
                advance()
                _ = read(while: \.isWhitespace)
                if current == "*" { throw .unsupported("a dynamic partial") }
                let name = try parsePartialName()
                if !whiteSpaceBefore.isEmpty { tokens.append(.text(String(whiteSpaceBefore))) }
                if isStandalone(newLine) {
                    setNewLine = true
                    tokens.append(.partial(name: name, indentation: String(whiteSpaceBefore)))
                } else {
                    tokens.append(.partial(name: name, indentation: nil))
                }
                whiteSpaceBefore = ""
            case "<", "$": throw .unsupported("template inheritance")
            case "=": throw .unsupported("a set-delimiter tag")
            case "%":
                advance()
                tokens.append(try parseContentType())
                setNewLine = isStandalone(newLine)
            default:
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }
                tokens.append(.variable(name: try parseName(), escaped: true))
            }
            newLine = setNewLine
        }
        guard section == nil else { throw .malformed }
        return tokens
    }

    /// Text up to a newline (which is left unread) or past the next `{{`.
    private mutating func readUntilDelimiterOrNewline() throws(Failure) -> String {
        var total = ""
        while !reachedEnd {
            total += read(while: { $0 != "\n" && $0 != "\r\n" && $0 != "{" })
            if current.isNewline { break }
            if current == "{" {
                if try read(string: "{{") { break }
                total += "{"
                advance()
            }
        }
        return total
    }

    /// A tag's name up to `}}`; a name with brackets is a transform, which is left to swift-mustache.
    private mutating func parseName() throws(Failure) -> String {
        _ = read(while: \.isWhitespace)
        let name = String(read(while: Self.sectionNameChars.contains))
        _ = read(while: \.isWhitespace)
        guard try read(string: "}}") else { throw .malformed }
        // Bytes, not Foundation's substring search, which cost thousands of instructions a name.
        if name.utf8.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }) { throw .unsupported("a transform") }
        return name
    }

    private mutating func parsePartialName() throws(Failure) -> String {
        _ = read(while: \.isWhitespace)
        let name = String(read(while: Self.partialNameChars.contains))
        _ = read(while: \.isWhitespace)
        guard try read(string: "}}") else { throw .malformed }
        return name
    }

    private mutating func skipComment() throws(Failure) {
        while !reachedEnd {
            if current == "}" {
                advance()
                if !reachedEnd, current == "}" {
                    advance()
                    return
                }
            } else {
                advance()
            }
        }
        throw .malformed
    }

    private mutating func parseContentType() throws(Failure) -> Token {
        _ = read(while: \.isWhitespace)
        let variable = read(while: Self.plainNameChars.contains)
        _ = read(while: \.isWhitespace)
        guard try read(":") else { throw .malformed }
        _ = read(while: \.isWhitespace)
        let value = read(while: Self.plainNameChars.contains)
        _ = read(while: \.isWhitespace)
        guard try read(string: "}}") else { throw .malformed }
        guard variable == "CONTENT_TYPE", !value.isEmpty else { throw .malformed }
        return .contentType(String(value))
    }

    /// A tag on a line of its own (only spaces or tabs around it) takes its line end with it.
    private mutating func isStandalone(_ newLine: Bool) -> Bool {
        guard newLine else { return false }
        if reachedEnd { return true }
        var ahead = self
        _ = ahead.read(while: { $0 == " " || $0 == "\t" })
        guard ahead.current.isNewline else { return false }
        ahead.advance()
        position = ahead.position
        return true
    }

    // MARK: reading characters

    private var reachedEnd: Bool { position == text.endIndex }
    private var current: Character { reachedEnd ? "\0" : text[position] }
    private mutating func advance() { position = text.index(after: position) }

    private mutating func read(while matches: (Character) -> Bool) -> Substring {
        let start = position
        while !reachedEnd, matches(text[position]) { advance() }
        return text[start..<position]
    }

    private mutating func read(_ character: Character) throws(Failure) -> Bool {
        guard !reachedEnd else { throw .malformed }
        guard text[position] == character else { return false }
        advance()
        return true
    }

    private mutating func read(string: String) throws(Failure) -> Bool {
        var end = position
        for expected in string {
            guard end != text.endIndex else { throw .malformed }
            guard text[end] == expected else { return false }
            end = text.index(after: end)
        }
        position = end
        return true
    }

    private static let plainNameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let sectionNameChars = plainNameChars.union("()")
    private static let partialNameChars = sectionNameChars.union("/")
}
