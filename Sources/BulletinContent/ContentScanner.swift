import BulletinModel
import BulletinSupport
import Foundation

/// Keeps each folder's names between builds: a folder whose stamp is as the last build found it
/// holds the same names (the incremental layer's `FolderListings`).
public protocol FolderMemo: Sendable {
    /// The names in `folder`, remembered or made by `list`.
    func names(in folder: String, stamp: FileStamp, list: () -> [String]) -> [String]
}

/// Walks the content folder and sorts every file into its role, reporting anything that
/// matches no role: a misspelt folder must not silently drop a report.
public struct ContentScanner: Sendable {
    let root: URL
    public private(set) var diagnostics: [Diagnostic] = []
    private let fileManager = FileManager()

    private let listDirectory: @Sendable (URL) -> [String]
    /// Folders whose stamps are as the last build found them are not read again.
    private let listings: (any FolderMemo)?

    /// A name in a folder, with what it really is once links are followed.
    struct Entry: Sendable {
        let name: String
        /// For files, the file itself even when reached through a link, so its bytes are copied.
        let location: String
        let isDirectory: Bool
        let stamp: FileStamp

        var url: URL { URL(fileURLWithPath: location, isDirectory: isDirectory) }
    }

    /// Top-level names the site's own pages take (see `Routes`), so free pages may not take them.
    static let reservedPageNames: Set<String> = ["index", "communities", "meetings", "activities", "conventions",
                                                 "problems", "tags", "assets", "media", "page", "feed", "sitemap", "404"]

    /// The root's path, which every folder's path begins with.
    private let rootPath: String
    /// The folders being walked, from the root down to the one being listed, followed links
    /// included: a link back to any of them repeats it without end.
    private(set) var walkPath: [FolderIdentity] = []

    public init(root: URL, listDirectory: @escaping @Sendable (URL) -> [String] = FolderNames.list, listings: (any FolderMemo)? = nil) {
        self.root = root.standardizedFileURL
        self.rootPath = self.root.path
        self.listDirectory = listDirectory
        self.listings = listings
    }

    public mutating func scan() -> ContentInventory {
        var inventory = ContentInventory()
        guard isDirectory(root), let stamp = FileStamp(of: root) else {
            report("", .contentFolderMissing)
            return inventory
        }
        walkPath = [FolderIdentity(stamp)]
        for entry in entries(of: root, stamp: nil) {
            let name = entry.name
            switch (name, entry.isDirectory) {
            case ("site.yml", false): inventory.site = SourceFile(path: name, location: entry.location, stamp: entry.stamp)
            case ("pages", true): inventory.pages = scanPages(entry)
            case ("media", true): inventory.media = files(under: entry, relativeTo: "media")
            case ("communities", true): scanCommunities(entry, into: &inventory)
            default:
                let known = ["site.yml", "pages", "media", "communities"]
                report(name, .contentNameUnknown, ["name": name, "hint": Suggestion.hint(for: name, in: known)])
            }
        }
        if inventory.site == nil, isDirectory(root) {
            report("site.yml", .siteFileMissing)
        }
        // A name the walk reaches through more than one link is reported once, not once a way.
        var reported = Set<String>()
        diagnostics.removeAll { !reported.insert($0.description).inserted }
        return inventory
    }

    private mutating func scanPages(_ folder: Entry) -> [(slug: String, file: SourceFile)] {
        walkPath.append(FolderIdentity(folder.stamp))
        defer { walkPath.removeLast() }
        var pages: [(slug: String, file: SourceFile)] = []
        for entry in entries(of: folder) {
            let name = entry.name
            let path = "pages/" + name
            guard name.hasSuffix(".md"), !entry.isDirectory else {
                report(path, .pagesOnlyMarkdown)
                continue
            }
            let slug = String(name.dropLast(3))
            guard checkIdentifier(slug, path: path, what: .whatPageName, fullName: { $0 + ".md" }) else { continue }
            guard !Self.reservedPageNames.contains(slug) else {
                report(path, .pageNameTaken, ["name": slug])
                continue
            }
            pages.append((slug, SourceFile(path: path, location: entry.location, stamp: entry.stamp)))
        }
        return pages
    }

    /// Community folders are scanned in parallel, each by a copy of this scanner, and their
    /// findings joined in folder order.
    private mutating func scanCommunities(_ folder: Entry, into inventory: inout ContentInventory) {
        walkPath.append(FolderIdentity(folder.stamp))
        defer { walkPath.removeLast() }
        let base = self
        let scans = Parallel.map(entries(of: folder)) { entry -> (ContentInventory, [Diagnostic]) in
            var scanner = base
            scanner.diagnostics = []
            var found = ContentInventory()
            scanner.scanCommunity(entry, into: &found)
            return (found, scanner.diagnostics)
        }
        inventory.records.reserveCapacity(inventory.records.count + scans.reduce(0) { $0 + $1.0.records.count })
        for (found, problems) in scans {
            inventory.communities += found.communities
            inventory.records += found.records
            diagnostics += problems
        }
    }

    private mutating func scanCommunity(_ folder: Entry, into inventory: inout ContentInventory) {
        let community = folder.name
        let path = "communities/" + community
        guard folder.isDirectory else {
            report(path, .communitiesOnlyFolders)
            return
        }
        guard checkIdentifier(community, path: path, what: .whatCommunityFolder) else { return }
        walkPath.append(FolderIdentity(folder.stamp))
        defer { walkPath.removeLast() }
        var hasProfile = false
        let folderPrefix = path + "/"
        for entry in entries(of: folder) {
            let name = entry.name
            let childPath = folderPrefix + name
            if name == "community.md", !entry.isDirectory {
                hasProfile = true
                inventory.communities.append(CommunitySource(id: community, profile: SourceFile(path: childPath, location: entry.location, stamp: entry.stamp)))
            } else if let kind = RecordKind(rawValue: name), entry.isDirectory {
                scanRecords(entry, path: childPath, kind: kind, community: community, into: &inventory.records)
            } else {
                let known = ["community.md"] + RecordKind.allCases.map(\.rawValue)
                report(childPath, .recordFolderUnknown, ["name": name, "hint": Suggestion.hint(for: name, in: known)])
            }
        }
        if !hasProfile {
            report(path + "/community.md", .communityProfileMissing)
        }
    }

    /// Appends to `records` itself: a list returned and appended was copied once more, a
    /// retain and a release for each of a record's strings.
    private mutating func scanRecords(_ folder: Entry, path: String, kind: RecordKind, community: String, into records: inout [RecordSource]) {
        walkPath.append(FolderIdentity(folder.stamp))
        defer { walkPath.removeLast() }
        let folderPrefix = path + "/"
        for entry in entries(of: folder) {
            let name = entry.name
            let recordPath = folderPrefix + name
            let isBundle = entry.isDirectory
            let date: SimpleDate?, slug: String
            if kind.isDated, let usual = Self.usualDatedName(name, isBundle: isBundle) {
                (date, slug) = usual
            } else {
                let stem: String
                if isBundle {
                    stem = name
                } else if name.hasSuffix(".md") {
                    stem = String(name.dropLast(3))
                } else {
                    report(recordPath, .recordFolderStrayFile, ["folder": kind.rawValue])
                    continue
                }
                guard let split = splitName(stem, suffix: isBundle ? "" : ".md", kind: kind, path: recordPath) else { continue }
                (date, slug) = split
            }
            var file = SourceFile(path: recordPath, location: entry.location, stamp: entry.stamp)
            var assets: [SourceFile] = []
            if isBundle {
                let index = entry.location + "/index.md"
                var info = stat()
                guard stat(index, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
                    report(recordPath, .bundleIndexMissing)
                    continue
                }
                file = SourceFile(path: recordPath + "/index.md", location: index, stamp: FileStamp(info))
                assets = files(under: entry, relativeTo: recordPath).filter { $0.path != file.path }
            }
            records.append(RecordSource(kind: kind, community: community, slug: slug, fileDate: date,
                                        file: file, bundleAssets: assets))
        }
    }

    /// `2024-05-18-roof-round-6` → (date, `roof-round-6`) for dated kinds; the stem itself otherwise.
    private mutating func splitName(_ stem: String, suffix: String, kind: RecordKind, path: String) -> (SimpleDate?, String)? {
        guard kind.isDated else {
            return checkIdentifier(stem, path: path, what: .whatFileName, fullName: { $0 + suffix }) ? (nil, stem) : nil
        }
        let looksDated = stem.utf8.count >= 10 && stem.utf8.prefix(10).allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") }
        let prefix = looksDated ? String(decoding: stem.utf8.prefix(10), as: UTF8.self) : String(stem.prefix(10))
        let rest = looksDated ? Substring(stem.utf8.dropFirst(10)) : stem.dropFirst(10)
        guard looksDated, rest.utf8.count > 1, rest.first == "-" else {
            let words = Identifier.suggestion(for: looksDated ? String(rest) : stem) ?? "meeting-about-the-roof"
            let date = looksDated && SimpleDate(iso: prefix) != nil ? prefix : "2024-05-18"
            report(path, .recordNameUndated, ["kind": kind.phrase, "example": "\(date)-\(words)\(suffix)"])
            return nil
        }
        guard let date = SimpleDate(iso: prefix) else {
            report(path, .recordDateImpossible, ["date": prefix])
            return nil
        }
        let slug = String(rest.dropFirst())
        guard checkIdentifier(slug, path: path, what: .whatFileName, fullName: { "\(prefix)-\($0)\(suffix)" }) else { return nil }
        return (date, slug)
    }

    /// The name almost every dated record has, plain ASCII `YYYY-MM-DD-slug.md` (a bundle
    /// folder without the `.md`) with a valid date and slug, read byte by byte; nil sends any
    /// other name to the checks that explain it.
    private static func usualDatedName(_ name: String, isBundle: Bool) -> (SimpleDate, String)? {
        var name = name
        return name.withUTF8 { whole -> (SimpleDate, String)? in
            let suffix = isBundle ? 0 : 3
            guard whole.count > suffix, isBundle || (whole[whole.count - 3] == UInt8(ascii: ".")
                    && whole[whole.count - 2] == UInt8(ascii: "m") && whole[whole.count - 1] == UInt8(ascii: "d")) else { return nil }
            let bytes = UnsafeBufferPointer(rebasing: whole[..<(whole.count - suffix)])
            guard bytes.count > 11, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "-"),
                  bytes[11] != UInt8(ascii: "-"), bytes[bytes.count - 1] != UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                    guard digit >= 0, digit <= 9 else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
                  (1...12).contains(month), day >= 1, day <= SimpleDate.daysIn(month: month, year: year) else { return nil }
            let slugBytes = UnsafeBufferPointer(rebasing: bytes[11...])
            guard slugBytes.allSatisfy({ ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") })
            else { return nil }
            let slug = String(decoding: slugBytes, as: UTF8.self)
            guard slugBytes.count > 5 || !reservedNames.contains(slug) else { return nil }
            return (SimpleDate(year: year, month: month, day: day), slug)
        }
    }

    /// `fullName` turns a valid name back into the whole file name to suggest.
    private mutating func checkIdentifier(_ name: String, path: String, what: DiagnosticKind,
                                          fullName: (String) -> String = { $0 }) -> Bool {
        if Identifier.isValid(name) {
            guard Self.reservedNames.contains(name) else { return true }
            report(path, .nameReserved, ["name": name, "example": fullName(name + "-1")])
            return false
        }
        let advice: any MessageArgument = Identifier.suggestion(for: name).map { Message(.renameTo, ["name": fullName($0)]) } ?? ""
        report(path, .nameInvalid, ["what": what, "name": name, "advice": advice])
        return false
    }

    /// Names that would sit beside the index, pagination and feed of a list.
    static let reservedNames: Set<String> = ["index", "page", "feed"]

    /// How many folders deep below the content folder files may be (`media/` is one); a deeper
    /// folder is reported, not walked, before its path can grow past what the system opens
    /// (4,096 bytes), where its files would be left out without a word.
    static let maxDepth = 64

    /// Every file below `folder`, ignored names skipped, with content-relative paths.
    private mutating func files(under folder: Entry, relativeTo prefix: String) -> [SourceFile] {
        walkPath.append(FolderIdentity(folder.stamp))
        defer { walkPath.removeLast() }
        var found: [SourceFile] = []
        for entry in entries(of: folder) {
            let path = prefix + "/" + entry.name
            if !entry.isDirectory {
                found.append(SourceFile(path: path, location: entry.location, stamp: entry.stamp))
            } else if walkPath.count > Self.maxDepth { // The root is on it too: this is the entry's depth.
                report(path, .folderTooDeep, ["depth": Self.maxDepth])
            } else {
                found += files(under: entry, relativeTo: path)
            }
        }
        return found
    }

    /// The names in `folder`, sorted by their bytes so builds do not depend on the order the
    /// file system lists them in. Anything that is not a plain file or folder, links that lead
    /// outside the content folder, nowhere or round in a loop, and names not in Unicode's
    /// composed form (NFC) are reported and skipped.
    private mutating func entries(of folder: Entry) -> [Entry] {
        entries(of: folder.url, stamp: folder.stamp)
    }

    /// `stamp`: the folder's, when its parent was listed; the root's is not known.
    private mutating func entries(of folder: URL, stamp: FileStamp?) -> [Entry] {
        // Kept by the folder listings as they are used, so a folder not read again is not
        // sorted again either.
        let listDirectory = self.listDirectory
        func published() -> [String] {
            Self.inByteOrder(listDirectory(folder).filter { name in
                let first = name.utf8.first
                return first != UInt8(ascii: ".") && first != UInt8(ascii: "_")
            })
        }
        let names = if let listings, let stamp { listings.names(in: folder.path, stamp: stamp, list: published) } else { published() }
        let folderPath = folder.path
        // Names are looked up from the open folder, not walked from the root each time.
        let folderDescriptor = open(folderPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if folderDescriptor >= 0 { close(folderDescriptor) } }
        let relativeFolder = folderPath.count > rootPath.count ? String(folderPath.dropFirst(rootPath.count + 1)) + "/" : ""
        let folderPrefix = folderPath + "/"
        return names.compactMap { name in
            let fullPath = folderPrefix + name
            // The content-relative path is only needed for a message (a function, not a closure
            // made for every name).
            func path() -> String { relativeFolder + name }
            // Only names with letters beyond ASCII can be in a decomposed form.
            if !name.utf8.allSatisfy({ $0 < 0x80 }) {
                let composed = name.precomposedStringWithCanonicalMapping
                guard composed.utf8.elementsEqual(name.utf8) else {
                    report(path(), .nameDecomposed, ["name": composed])
                    return nil
                }
            }
            var info = stat()
            // A native string's bytes are passed as they are; passing the string itself made a C copy.
            let found = folderDescriptor >= 0 ? name.withCString { fstatat(folderDescriptor, $0, &info, AT_SYMLINK_NOFOLLOW) } : lstat(fullPath, &info)
            guard found == 0 else {
                // The listing puts U+FFFD for bytes that are not UTF-8, and no file has that name.
                if name.unicodeScalars.contains("\u{FFFD}") {
                    report(path(), .nameNotUTF8)
                }
                return nil
            }
            var real = fullPath
            if info.st_mode & S_IFMT == S_IFLNK {
                guard let target = resolvedLink(URL(fileURLWithPath: fullPath), path: path(), folder: folder) else { return nil }
                real = target.path
                guard stat(fullPath, &info) == 0 else { return nil }
                if info.st_mode & S_IFMT == S_IFDIR, leadsBackIntoTheWalk(FileStamp(info), path: path()) { return nil }
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG: return Entry(name: name, location: real, isDirectory: false, stamp: FileStamp(info))
            case S_IFDIR: return Entry(name: name, location: real, isDirectory: true, stamp: FileStamp(info))
            default:
                report(path(), .notAPlainFile, ["folder": DiagnosticKind.whereContentFolder])
                return nil
            }
        }
    }

    /// Names in the order of their UTF-8 bytes, whatever order the file system lists them in.
    /// Each name's first 24 bytes are read once as three big-endian words (zero past its end:
    /// no name holds a NUL byte), which settle almost every comparison in a few instructions;
    /// comparing the strings themselves takes far more. Names that agree that far
    /// are compared byte by byte.
    static func inByteOrder(_ names: [String]) -> [String] {
        typealias Words = (UInt64, UInt64, UInt64)
        let keys = names.map { name -> Words in
            var name = name
            return name.withUTF8 { bytes in
                func word(_ start: Int) -> UInt64 {
                    var value: UInt64 = 0
                    for index in start..<start + 8 { value = value << 8 | (index < bytes.count ? UInt64(bytes[index]) : 0) }
                    return value
                }
                return (word(0), word(8), word(16))
            }
        }
        let order = names.indices.sorted { i, j in
            let (a, b) = (keys[i], keys[j])
            if a != b { return a < b }
            return names[i].utf8.lexicographicallyPrecedes(names[j].utf8)
        }
        return order.map { names[$0] }
    }

    private func isDirectory(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return fileManager.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }

    mutating func report(_ path: String, _ kind: DiagnosticKind, _ arguments: KeyValuePairs<String, any MessageArgument> = [:]) {
        diagnostics.append(Diagnostic(path: path, kind, arguments))
    }
}
