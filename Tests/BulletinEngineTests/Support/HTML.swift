import Foundation
import Testing

/// Small, strict readers of the generated HTML: enough to check links and structure
/// without an HTML parser.
enum HTML {
    /// Every value of `href="…"` and `src="…"` in the page, in order, still HTML-escaped.
    static func links(in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"\b(?:href|src)="([^"]*)""#)
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).map { match in
            String(html[Range(match.range(at: 1), in: html)!])
        }
    }

    /// `href` values of `<a>` elements whose text is exactly `text`.
    static func hrefs(to text: String, in html: String) -> [String] {
        let escaped = NSRegularExpression.escapedPattern(for: text)
        let pattern = try! NSRegularExpression(pattern: #"<a href="([^"]*)"[^>]*>"# + escaped + "</a>")
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).map { String(html[Range($0.range(at: 1), in: html)!]) }
    }

    /// Number of `<h1>` elements.
    static func h1Count(_ html: String) -> Int {
        let pattern = try! NSRegularExpression(pattern: #"<h1[\s>]"#, options: [.caseInsensitive])
        return pattern.numberOfMatches(in: html, range: NSRange(html.startIndex..., in: html))
    }

    /// Replaces the five entities the theme and cmark write.
    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Titles of the record items (`<p class="item-title"><a …>title</a>`) in a list, in order.
    static func itemTitles(in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"<p class="item-title"><a href="[^"]*">([^<]*)</a></p>"#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
            unescape(String(html[Range($0.range(at: 1), in: html)!]))
        }
    }

    /// The text between the first occurrence of `start` and the next `end` after it.
    static func section(of html: String, from start: String, to end: String) -> String? {
        guard let open = html.range(of: start) else { return nil }
        let rest = html[open.upperBound...]
        guard let close = rest.range(of: end) else { return nil }
        return String(rest[..<close.lowerBound])
    }
}

/// Resolves every link of every HTML page of an output folder and reports those whose
/// target file does not exist.
enum LinkChecker {
    struct Broken: CustomStringConvertible, Equatable {
        let page: String
        let link: String
        let resolved: String
        var description: String { "\(page): \(link) → \(resolved) does not exist" }
    }

    /// - Parameter rootPath: the path the site is served under (`/` or `/gonggao/`), for the
    ///   root-absolute links of 404.html.
    static func brokenLinks(in site: BuiltSite, rootPath: String = "/") throws -> [Broken] {
        var broken: [Broken] = []
        for page in site.htmlFiles {
            let html = try site.read(page)
            for raw in HTML.links(in: html) {
                let link = HTML.unescape(raw)
                guard let target = resolve(link, from: page, rootPath: rootPath) else { continue }
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: site.folder.appendingPathComponent(target).path,
                                                            isDirectory: &isDirectory)
                // Links must name a file (…/index.html), so the site works opened from disk.
                if !exists || isDirectory.boolValue {
                    broken.append(Broken(page: page, link: link, resolved: target))
                }
            }
        }
        return broken
    }

    /// The site-relative file a link from `page` points at, or nil for links that leave the
    /// site (`https:`, `mailto:`) or only name a fragment.
    static func resolve(_ link: String, from page: String, rootPath: String = "/") -> String? {
        let lower = link.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") {
            return nil
        }
        if link.hasPrefix("#") { return nil }
        var path = link
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<cut]) }
        var segments: [String]
        if path.hasPrefix("/") {
            guard path.hasPrefix(rootPath) else { return "(outside the site root \(rootPath)) " + path }
            path = String(path.dropFirst(rootPath.count))
            segments = []
        } else {
            segments = page.split(separator: "/").map(String.init).dropLast()
            if path.isEmpty { return page }
        }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            let name = segment.removingPercentEncoding ?? String(segment)
            switch name {
            case ".", "": continue
            case "..":
                if segments.isEmpty { return "(above the site root) " + link }
                segments.removeLast()
            default: segments.append(name)
            }
        }
        return segments.joined(separator: "/")
    }
}
