import Foundation
import Mustache

/// A loaded theme: parsed templates, the strings for the site language, and static assets.
public struct Theme: Sendable {
    public static let requiredLayouts = ["base", "home", "communities", "community", "list", "meeting", "activity",
                                         "convention", "problem", "page", "tags", "tag", "not_found"]
    let library: MustacheLibrary
    public let strings: ThemeStrings
    let assets: [SourceFile]

    func render(_ layout: String, _ view: View) -> String {
        library.render(view, withTemplate: layout) ?? ""
    }

    /// Reads and checks the whole theme, reporting every problem with the template's file and line.
    static func load(from root: URL, language: String) -> (Theme?, [Diagnostic]) {
        var problems: [Diagnostic] = []
        let (strings, stringProblems) = ThemeStrings.load(themeRoot: root, language: language)
        problems += stringProblems
        HTMLEscaping.register
        var library = MustacheLibrary()
        var partialUses: [(name: String, path: String, line: Int)] = []
        var names = Set<String>()
        for folder in ["layouts", "partials"] {
            for file in ThemeFiles.list(root.appendingPathComponent(folder), prefix: folder) where file.path.hasSuffix(".mustache") {
                let name = String(file.path.dropFirst(folder.count + 1).dropLast(".mustache".count))
                guard let data = FileManager.default.contents(atPath: file.url.path),
                      let text = String(data: data, encoding: .utf8) else {
                    problems.append(Diagnostic(path: file.path, message: "cannot be read as UTF-8 text"))
                    continue
                }
                if !names.insert(name).inserted {
                    problems.append(Diagnostic(path: file.path, message: "a layout and a partial are both named \"\(name)\"; rename the partial"))
                }
                do {
                    // On a line of its own the pragma renders nothing; parse errors are moved back a line.
                    library.register(try MustacheTemplate(string: HTMLEscaping.pragma + "\n" + text), named: name)
                    partialUses += ThemeFiles.partialNames(in: text).map { ($0.name, file.path, $0.line) }
                } catch let error as MustacheTemplate.ParserError {
                    problems.append(Diagnostic(path: file.path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
                                               message: "template syntax error: \(error.error) in `\(error.context.line.trimmingCharacters(in: .whitespaces))`"))
                } catch {
                    problems.append(Diagnostic(path: file.path, message: "template syntax error: \(error)"))
                }
            }
        }
        for layout in requiredLayouts where library.getTemplate(named: layout) == nil && !names.contains(layout) {
            problems.append(Diagnostic(path: "layouts/\(layout).mustache", message: "the theme has no \(layout) layout, which the site needs; add layouts/\(layout).mustache"))
        }
        for use in partialUses where !names.contains(use.name) {
            problems.append(Diagnostic(path: use.path, line: use.line, message: "includes the partial \"\(use.name)\", but there is no partials/\(use.name).mustache; \(Suggestion.hint(for: use.name, in: names.sorted()))"))
        }
        let assets = ThemeFiles.list(root.appendingPathComponent("assets"), prefix: "assets")
        guard let strings, problems.isEmpty else { return (nil, problems) }
        return (Theme(library: library, strings: strings, assets: assets), [])
    }
}

enum ThemeFiles {
    static func list(_ folder: URL, prefix: String) -> [SourceFile] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
        return names.flatMap { name -> [SourceFile] in
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            return isDirectory.boolValue ? list(url, prefix: "\(prefix)/\(name)") : [SourceFile(path: "\(prefix)/\(name)", url: url)]
        }
    }

    /// `{{> name}}` tags in a template, with their lines.
    static func partialNames(in text: String) -> [(name: String, line: Int)] {
        var found: [(String, Int)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{>") {
                rest = rest[open.upperBound...]
                guard let close = rest.range(of: "}}") else { break }
                found.append((rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces), index + 1))
                rest = rest[close.upperBound...]
            }
        }
        return found
    }
}
