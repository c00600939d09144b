import BulletinModel
import BulletinSupport
import Foundation

/// Checks the relative links and images in records' Markdown: a bundle's must name files in
/// the bundle, and a plain record, which has no folder of its own, can hold none.
public enum RecordLinks {
    static func check(_ record: Record, links: [MarkdownRenderer.Link]) -> [Diagnostic] {
        let isBundle = record.sourcePath.hasSuffix("/index.md")
        let bundleRoot = String(record.sourcePath.dropLast("index.md".count))
        let files = Set(record.bundleAssets.map { String($0.dropFirst(bundleRoot.count)) })
        return links.compactMap { link in
            guard let target = localTarget(link.destination) else { return nil }
            let what: DiagnosticKind = link.isImage ? .whatImage : .whatLink
            func problem(_ kind: DiagnosticKind, _ more: [String: Message.Argument] = [:]) -> Diagnostic {
                let named = more.merging(["what": what.messageArgument, "target": .text(link.destination)]) { $1 }
                return Diagnostic(path: record.sourcePath, line: record.bodyFirstLine + link.line - 1, column: max(1, link.column),
                                  Message(kind, values: named))
            }
            guard isBundle else {
                if target.hasPrefix("../") && !link.isImage { return nil }
                return problem(.bundleLinkNeedsBundle, ["stem": .text(fileStem(record.sourcePath))])
            }
            guard let resolved = resolve(target) else {
                return problem(.bundleLinkOutside)
            }
            guard files.contains(resolved) else {
                let near = Suggestion.nearest(to: resolved, in: files.sorted()).map { Message(.didYouMeanAside, ["word": $0]).messageArgument }
                return problem(.bundleFileMissing, ["near": near ?? .text("")])
            }
            return nil
        }
    }

    private static func fileStem(_ path: String) -> String {
        String(path.split(separator: "/").last?.dropLast(".md".count) ?? "")
    }

    /// The path part of a relative link, percent-decoded; nil for links that leave the site
    /// (a scheme), start at its root, or stay on the page.
    private static func localTarget(_ destination: String) -> String? {
        let path = String(destination.prefix { $0 != "?" && $0 != "#" })
        guard !path.isEmpty, !path.hasPrefix("/") else { return nil }
        if let colon = path.firstIndex(of: ":"), !path[..<colon].contains("/") { return nil }
        return path.removingPercentEncoding ?? path
    }

    /// `photos/../plan.svg` → `plan.svg`; nil when it climbs above the bundle folder.
    private static func resolve(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard parts.popLast() != nil else { return nil }
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
