import BulletinContent
import BulletinModel
import BulletinSite
import BulletinSupport
import Foundation
import Mustache

/// A loaded theme: parsed templates, the strings for the site language, and static assets.
public struct Theme: Sendable {
    public static let requiredLayouts = ["base", "home", "communities", "community", "list", "meeting", "activity",
                                         "convention", "problem", "page", "tags", "tag", "not_found"]
    /// Every template as swift-mustache reads it: the parser of record, and the renderer of
    /// whatever the compiled templates leave out.
    let mustache: MustacheTemplates
    /// The templates the fast renderer handles; see `CompiledTemplates`.
    let compiled: CompiledTemplates
    public let strings: ThemeStrings
    public let assets: [SourceFile]
    /// The templates and strings, for the build cache: a theme edit re-renders every page.
    public let digest: Digest
    /// The templates alone: a build remembers the last templates swift-mustache accepted.
    public let templatesDigest: Digest
    /// The strings alone, whose labels parsing uses in its messages.
    public let stringsDigest: Digest
    /// The strings and compiled templates, for the next build to take instead of reading them.
    public let loaded: Loaded

    /// The theme as a build loaded it: the next build takes it while its files are the same.
    public struct Loaded: Sendable {
        /// The site language and the strings file's bytes.
        public var stringsKey: Digest
        public var strings: ThemeStrings
        /// The templates' paths and texts, and whether they were compiled.
        public var templatesKey: Digest
        public var compiled: CompiledTemplates

        public init(stringsKey: Digest, strings: ThemeStrings, templatesKey: Digest, compiled: CompiledTemplates) {
            (self.stringsKey, self.strings, self.templatesKey, self.compiled) = (stringsKey, strings, templatesKey, compiled)
        }
    }

    /// `root` is the page's way to the site root, which links in shared views leave out;
    /// `fragments` keeps the text of shared views for the rest of the build.
    /// The page's UTF-8 bytes, which are written as they are: making a `String` of them
    /// would check them all again.
    func render(_ layout: String, _ view: View, root: String, fragments: SharedFragments? = nil) -> [UInt8] {
        guard !view.needsMustache, let page = compiled.render(layout, view, root: root, fragments: fragments) else {
            return Array(SharedFragments.resolvingRootMarker(in: renderWithMustache(layout, view), root: root).utf8)
        }
        return page
    }

    /// The page as swift-mustache renders it, which the compiled renderer matches byte for byte.
    func renderWithMustache(_ layout: String, _ view: View) -> String {
        mustache.library.render(view, withTemplate: layout) ?? ""
    }

    /// Reads and checks the whole theme, reporting every problem with the template's file and
    /// line. Templates whose digest is `accepted` (the last build's, which swift-mustache read
    /// without an error) are not read by swift-mustache again until a page needs it.
    /// `compiling: false` leaves every page to swift-mustache: the differential tests build a
    /// site both ways and compare every byte.
    /// `previous` is the theme the last build loaded: its strings and compiled templates are
    /// taken when the strings file and the templates are the same.
    public static func load(from root: URL, language: String, accepted: Digest? = nil, compiling: Bool = true,
                     previous: Loaded? = nil) -> (Theme?, [Diagnostic]) {
        var problems: [Diagnostic] = []
        let stringFiles = ThemeFiles.list("strings", in: root, problems: &problems)
        // Only a language tag is joined into a path: `../x` would name a file outside the theme.
        let stringsPath = "strings/\(language).yml"
        let stringsFile = LanguageTag.isWellFormed(language) ? stringFiles.first(where: { $0.path == stringsPath }) : nil
        let stringsData = stringsFile.flatMap { FileManager.default.contents(atPath: $0.location) }
        let stringsDigest = (stringsData ?? Data()).withUnsafeBytes { DigestBuilder.of(bytes: $0) }
        let stringsKey = Self.key("strings", language, stringsDigest, stringsData != nil)
        let (strings, stringProblems) = previous.flatMap { $0.stringsKey == stringsKey ? ($0.strings, []) : nil }
            ?? ThemeStrings.load(language: language, available: ThemeFiles.languages(in: root), data: stringsData)
        // A strings file refused as a link already has its message.
        if !problems.contains(where: { $0.path == stringsPath }) { problems += stringProblems }
        HTMLEscaping.register
        var partialUses: [(name: String, path: String, line: Int, column: Int)] = []
        var names = Set<String>()
        var partials: [String] = []
        var templatesDigest = DigestBuilder("templates")
        var texts: [(name: String, path: String, text: String)] = []
        for folder in ["layouts", "partials"] {
            for file in ThemeFiles.list(folder, in: root, problems: &problems) where file.path.hasSuffix(".mustache") {
                let name = String(file.path.dropFirst(folder.count + 1).dropLast(".mustache".count))
                if folder == "partials" { partials.append(name) }
                guard names.insert(name).inserted else {
                    problems.append(Diagnostic(path: file.path, .templateNameClash, ["name": name]))
                    continue
                }
                guard let data = FileManager.default.contents(atPath: file.location),
                      let text = String(data: data, encoding: .utf8) else {
                    problems.append(Diagnostic(path: file.path, .templateNotUTF8))
                    continue
                }
                if data.contains(0) {
                    problems.append(Diagnostic(path: file.path, .templateNULByte))
                    continue
                }
                templatesDigest.add(file.path)
                templatesDigest.add(text)
                texts.append((name, file.path, text))
            }
        }
        let templates = templatesDigest.finish()
        let trusted = accepted == templates
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        for (name, path, text) in texts {
            // On a line of its own the pragma renders nothing; parse errors are moved back a line.
            let source = HTMLEscaping.pragma + "\n" + text
            // Templates the last build accepted parsed, and every partial they include existed.
            if !trusted {
                do {
                    library.register(try MustacheTemplate(string: source), named: name)
                } catch let error as MustacheTemplate.ParserError {
                    problems.append(TemplateErrors.diagnostic(error, text: text, path: path))
                    continue
                } catch {
                    problems.append(Diagnostic(path: path, .templateError, ["error": "\(error)"]))
                    continue
                }
                partialUses += ThemeFiles.partialNames(in: text).map { ($0.name, path, $0.line, $0.column) }
            }
            sources[name] = source
        }
        // A layout refused as a link already has its message.
        for layout in requiredLayouts where !names.contains(layout) && !problems.contains(where: { $0.path == "layouts/\(layout).mustache" }) {
            problems.append(Diagnostic(path: "layouts/\(layout).mustache", .layoutMissing, ["layout": layout]))
        }
        for use in partialUses where !names.contains(use.name) {
            let hint = partials.isEmpty ? Message(.addIt) : Suggestion.hint(for: use.name, in: partials.sorted())
            problems.append(Diagnostic(path: use.path, line: use.line, column: use.column, .partialMissing, ["name": use.name, "hint": hint]))
        }
        let assets = ThemeFiles.list("assets", in: root, problems: &problems)
        guard let strings, problems.isEmpty else { return (nil, problems) }
        var themeDigest = DigestBuilder("theme")
        themeDigest.add(templates)
        themeDigest.add(stringsDigest)
        let templatesKey = Self.key("compiled", "", templates, compiling)
        let compiled = previous.flatMap { $0.templatesKey == templatesKey ? $0.compiled : nil }
            ?? CompiledTemplates(sources: compiling ? sources : [:])
        return (Theme(mustache: MustacheTemplates(sources: sources, parsed: trusted ? nil : library), compiled: compiled,
                      strings: strings, assets: assets, digest: themeDigest.finish(), templatesDigest: templates,
                      stringsDigest: stringsDigest,
                      loaded: Loaded(stringsKey: stringsKey, strings: strings, templatesKey: templatesKey, compiled: compiled)), [])
    }

    /// What the last build's strings or compiled templates were made from, to tell whether they can be taken.
    private static func key(_ label: String, _ language: String, _ digest: Digest, _ flag: Bool) -> Digest {
        var builder = DigestBuilder(label)
        builder.add(language)
        builder.add(digest)
        builder.add(flag)
        return builder.finish()
    }
}

/// The templates as swift-mustache reads them, read when first needed when the theme was
/// not read at load (see `Theme.load`).
final class MustacheTemplates: @unchecked Sendable {
    private let sources: [String: String]
    private let lock = NSLock()
    private var parsed: MustacheLibrary?

    init(sources: [String: String], parsed: MustacheLibrary?) {
        self.sources = sources
        self.parsed = parsed
    }

    /// Whether swift-mustache has read the templates yet.
    var isParsed: Bool { lock.withLock { parsed != nil } }

    var library: MustacheLibrary {
        lock.withLock {
            if let parsed { return parsed }
            var library = MustacheLibrary()
            for (name, source) in sources {
                if let template = try? MustacheTemplate(string: source) { library.register(template, named: name) }
            }
            parsed = library
            return library
        }
    }
}

/// The theme's files (listed in ThemeFolder.swift) and what its templates include.
public enum ThemeFiles {
    /// `{{> name}}` tags in a template, with their lines and columns.
    static func partialNames(in text: String) -> [(name: String, line: Int, column: Int)] {
        var found: [(String, Int, Int)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{>") {
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                rest = rest[open.upperBound...]
                guard let close = rest.range(of: "}}") else { break }
                found.append((rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces), index + 1, column))
                rest = rest[close.upperBound...]
            }
        }
        return found
    }
}

/// swift-mustache's parse errors, in words a theme designer knows, at the line to fix.
enum TemplateErrors {
    static func diagnostic(_ error: MustacheTemplate.ParserError, text: String, path: String) -> Diagnostic {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // The parser's position is one line down: the engine puts a pragma line before each template.
        var line = max(1, error.context.lineNumber - 1)
        var column = error.context.columnNumber
        let problem = explain(error.error)
        // The section still open where another name closes one, when there is one.
        var stillOpen: String?
        if case .unfinishedName? = error.error as? MustacheTemplate.Error,
           let open = lines.indices.first(where: { lines[$0].range(of: "{{") != nil && !tagsClose(lines[$0]) }) {
            // A tag never closed is read on into the next lines; the line that opened it is the one to fix.
            line = open + 1
            column = lines[open].distance(from: lines[open].startIndex, to: lastOpening(lines[open])) + 1
        } else if case .sectionCloseNameIncorrect? = error.error as? MustacheTemplate.Error {
            stillOpen = openSection(before: line, in: lines)
        }
        let source = line <= lines.count ? lines[line - 1].trimmingCharacters(in: .whitespaces) : ""
        if let stillOpen {
            return Diagnostic(path: path, line: line, column: column, .templateSyntaxSection, ["problem": problem, "open": stillOpen, "source": source])
        }
        return Diagnostic(path: path, line: line, column: column, .templateSyntax, ["problem": problem, "source": source])
    }

    private static func tagsClose(_ line: Substring) -> Bool {
        line.components(separatedBy: "{{").count == line.components(separatedBy: "}}").count
    }

    private static func lastOpening(_ line: Substring) -> String.Index {
        line.range(of: "{{", options: .backwards)?.lowerBound ?? line.startIndex
    }

    /// The innermost section still open when line `number` is reached (`#.summary`).
    private static func openSection(before number: Int, in lines: [Substring]) -> String? {
        var stack: [String] = []
        for line in lines.prefix(number) {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                rest = rest[open.upperBound...]
                guard let close = rest.range(of: "}}") else { break }
                let tag = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if tag.hasPrefix("#") || tag.hasPrefix("^") { stack.append(tag) }
                else if tag.hasPrefix("/"), !stack.isEmpty, stack.last!.dropFirst() == tag.dropFirst() { stack.removeLast() }
                rest = rest[close.upperBound...]
            }
        }
        return stack.last
    }

    static func explain(_ error: Error) -> Message {
        guard let error = error as? MustacheTemplate.Error else { return Message(.mustacheOther, ["error": "\(error)"]) }
        switch error {
        case .sectionCloseNameIncorrect: return Message(.mustacheSectionName)
        case .unfinishedName: return Message(.mustacheUnclosedTag)
        case .expectedSectionEnd: return Message(.mustacheSectionUnclosed)
        case .invalidSetDelimiter: return Message(.mustacheBadDelimiter)
        case .transformAppliedToInheritanceSection: return Message(.mustacheTransformInheritance)
        case .illegalTokenInsideInheritSection, .textInsideInheritSection: return Message(.mustacheInheritContent)
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return Message(.mustacheSetting)
        @unknown default: return Message(.mustacheOther, ["error": "\(error)"])
        }
    }
}
