import Foundation

/// Walks the content folder and sorts every file into its role, reporting anything that
/// matches no role: a misspelt folder must not silently drop a report.
struct ContentScanner {
    let root: URL
    private(set) var diagnostics: [Diagnostic] = []
    private let fileManager = FileManager()

    private let listDirectory: (URL) -> [String]

    init(root: URL, listDirectory: @escaping (URL) -> [String] = { (try? FileManager().contentsOfDirectory(atPath: $0.path)) ?? [] }) {
        self.root = root.standardizedFileURL
        self.listDirectory = listDirectory
    }

    mutating func scan() -> ContentInventory {
        var inventory = ContentInventory()
        guard isDirectory(root) else {
            report("", "the content folder does not exist; pass --content with the folder that holds site.yml")
            return inventory
        }
        for name in entries(of: root) {
            let url = root.appendingPathComponent(name)
            switch (name, isDirectory(url)) {
            case ("site.yml", false): inventory.site = SourceFile(path: name, url: url)
            case ("pages", true): inventory.pages = scanPages(url)
            case ("media", true): inventory.media = files(under: url, relativeTo: "media")
            case ("communities", true): scanCommunities(url, into: &inventory)
            default:
                let known = ["site.yml", "pages", "media", "communities"]
                report(name, "\"\(name)\" is not part of a bulletin content folder; \(Suggestion.hint(for: name, in: known)) (to keep a file here without publishing it, start its name with \"_\")")
            }
        }
        if inventory.site == nil, isDirectory(root) {
            report("site.yml", "site.yml is missing; create it with at least `title: <site name>`")
        }
        return inventory
    }

    private mutating func scanPages(_ folder: URL) -> [(slug: String, file: SourceFile)] {
        var pages: [(slug: String, file: SourceFile)] = []
        for name in entries(of: folder) {
            let path = "pages/" + name
            guard name.hasSuffix(".md"), !isDirectory(folder.appendingPathComponent(name)) else {
                report(path, "pages/ holds only Markdown files named <slug>.md")
                continue
            }
            let slug = String(name.dropLast(3))
            guard checkIdentifier(slug, path: path, what: "page name", fullName: { $0 + ".md" }) else { continue }
            guard !Routes.reservedTopLevel.contains(slug) else {
                report(path, "the page name \"\(slug)\" is taken by a built-in page; choose another name")
                continue
            }
            pages.append((slug, SourceFile(path: path, url: folder.appendingPathComponent(name))))
        }
        return pages
    }

    private mutating func scanCommunities(_ folder: URL, into inventory: inout ContentInventory) {
        for community in entries(of: folder) {
            let url = folder.appendingPathComponent(community)
            let path = "communities/" + community
            guard isDirectory(url) else {
                report(path, "communities/ holds one folder per community; move this file into a community folder")
                continue
            }
            guard checkIdentifier(community, path: path, what: "community folder name") else { continue }
            var hasProfile = false
            for name in entries(of: url) {
                let child = url.appendingPathComponent(name)
                let childPath = path + "/" + name
                if name == "community.md", !isDirectory(child) {
                    hasProfile = true
                    inventory.communities.append(CommunitySource(id: community, profile: SourceFile(path: childPath, url: child)))
                } else if let kind = RecordKind(rawValue: name), isDirectory(child) {
                    inventory.records += scanRecords(child, path: childPath, kind: kind, community: community)
                } else {
                    let known = ["community.md"] + RecordKind.allCases.map(\.rawValue)
                    report(childPath, "\"\(name)\" is not a record folder; \(Suggestion.hint(for: name, in: known))")
                }
            }
            if !hasProfile {
                report(path + "/community.md", "community profile is missing; create community.md with `name:` and `street:`")
            }
        }
    }

    private mutating func scanRecords(_ folder: URL, path: String, kind: RecordKind, community: String) -> [RecordSource] {
        var records: [RecordSource] = []
        for name in entries(of: folder) {
            let url = folder.appendingPathComponent(name)
            let recordPath = path + "/" + name
            let isBundle = isDirectory(url)
            let stem: String
            if isBundle {
                stem = name
            } else if name.hasSuffix(".md") {
                stem = String(name.dropLast(3))
            } else {
                report(recordPath, "only Markdown records (.md) and bundle folders belong in \(kind.rawValue)/; put files a record links to in a bundle folder beside its index.md")
                continue
            }
            guard let (date, slug) = splitName(stem, suffix: isBundle ? "" : ".md", kind: kind, path: recordPath) else { continue }
            var file = SourceFile(path: recordPath, url: url)
            var assets: [SourceFile] = []
            if isBundle {
                let index = url.appendingPathComponent("index.md")
                guard fileManager.fileExists(atPath: index.path) else {
                    report(recordPath, "a bundle folder needs an index.md holding the record")
                    continue
                }
                file = SourceFile(path: recordPath + "/index.md", url: index)
                assets = files(under: url, relativeTo: recordPath).filter { $0.path != file.path }
            }
            records.append(RecordSource(kind: kind, community: community, slug: slug, fileDate: date,
                                        file: file, bundleAssets: assets))
        }
        return records
    }

    /// `2024-05-18-roof-round-6` → (date, `roof-round-6`) for dated kinds; the stem itself otherwise.
    private mutating func splitName(_ stem: String, suffix: String, kind: RecordKind, path: String) -> (SimpleDate?, String)? {
        guard kind.isDated else {
            return checkIdentifier(stem, path: path, what: "file name", fullName: { $0 + suffix }) ? (nil, stem) : nil
        }
        let prefix = String(stem.prefix(10))
        let rest = stem.dropFirst(10)
        let looksDated = prefix.count == 10 && prefix.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") })
        guard looksDated, rest.count > 1, rest.first == "-" else {
            let words = Identifier.suggestion(for: looksDated ? String(rest) : stem) ?? "meeting-about-the-roof"
            let date = looksDated && SimpleDate(iso: prefix) != nil ? prefix : "2024-05-18"
            report(path, "\(kind.rawValue) are named <YYYY-MM-DD>-<slug>; rename it to e.g. \"\(date)-\(words)\(suffix)\"")
            return nil
        }
        guard let date = SimpleDate(iso: prefix) else {
            report(path, "the date \"\(prefix)\" in the file name does not exist; write a real date as YYYY-MM-DD")
            return nil
        }
        let slug = String(rest.dropFirst())
        guard checkIdentifier(slug, path: path, what: "file name", fullName: { "\(prefix)-\($0)\(suffix)" }) else { return nil }
        return (date, slug)
    }

    /// `fullName` turns a valid name back into the whole file name to suggest.
    private mutating func checkIdentifier(_ name: String, path: String, what: String,
                                          fullName: (String) -> String = { $0 }) -> Bool {
        if Identifier.isValid(name) {
            guard Self.reservedNames.contains(name) else { return true }
            report(path, "\"\(name)\" is reserved for the site's own pages; choose another name, e.g. \"\(fullName(name + "-1"))\"")
            return false
        }
        let advice = Identifier.suggestion(for: name).map { "; rename it to \"\(fullName($0))\"" } ?? ""
        report(path, "the \(what) \"\(name)\" may only use lowercase letters, digits and \"-\"\(advice)")
        return false
    }

    /// Names that would sit beside the index, pagination and feed of a list.
    static let reservedNames: Set<String> = ["index", "page", "feed"]

    /// Every file below `folder`, ignored names skipped, with content-relative paths.
    private mutating func files(under folder: URL, relativeTo prefix: String) -> [SourceFile] {
        var found: [SourceFile] = []
        for name in entries(of: folder) {
            let url = folder.appendingPathComponent(name)
            let path = prefix + "/" + name
            if isDirectory(url) { found += files(under: url, relativeTo: path) }
            else { found.append(SourceFile(path: path, url: url)) }
        }
        return found
    }

    /// Sorted so builds do not depend on the order the file system lists names in.
    /// Links that lead outside the content folder are reported and skipped.
    private mutating func entries(of folder: URL) -> [String] {
        return listDirectory(folder).filter { !$0.hasPrefix(".") && !$0.hasPrefix("_") }.sorted().filter { name in
            let url = folder.appendingPathComponent(name)
            guard (try? fileManager.destinationOfSymbolicLink(atPath: url.path)) != nil else { return true }
            let target = url.resolvingSymlinksInPath().standardizedFileURL.path
            let rootPath = root.resolvingSymlinksInPath().standardizedFileURL.path
            if target == rootPath || target.hasPrefix(rootPath + "/") { return true }
            report(relativePath(url), "this is a link to \(target), outside the content folder; links are not followed out of it, copy the file in instead")
            return false
        }
    }

    private func relativePath(_ url: URL) -> String {
        String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
    }

    private func isDirectory(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return fileManager.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }

    private mutating func report(_ path: String, _ message: String) {
        diagnostics.append(Diagnostic(path: path, message: message))
    }
}
