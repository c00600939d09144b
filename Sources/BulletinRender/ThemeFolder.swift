import BulletinContent
import BulletinModel
import BulletinSite
import BulletinSupport
import Foundation

/// The theme's files, listed under the content folder's rules for links (see `ContentScanner`):
/// a theme is copied from elsewhere as often as content is, and a link followed out of it would
/// publish any file the building account can read.
extension ThemeFiles {
    /// Every file below the theme's `folder` (`layouts`, `assets`…) with theme-relative paths,
    /// names starting with `.` skipped. A link is followed only while it stays inside the theme,
    /// and its file is read (and published) from where it leads; a link that leaves the theme,
    /// dangles or leads back into a folder being listed, and anything that is not a plain file
    /// or folder, is reported in `problems` and left out.
    static func list(_ folder: String, in root: URL, problems: inout [Diagnostic]) -> [SourceFile] {
        var walk = ThemeWalk(root: root)
        var found: [SourceFile] = []
        if let entry = walk.entry(folder, location: walk.rootPath + "/" + folder, in: walk.realRoot), entry.isDirectory {
            walk.files(below: entry.location, path: folder, into: &found)
        }
        problems += walk.problems
        return found
    }

    /// The same, for a caller whose problems the theme load reports.
    public static func list(_ folder: String, in root: URL) -> [SourceFile] {
        var ignored: [Diagnostic] = []
        return list(folder, in: root, problems: &ignored)
    }

    /// The languages a theme has strings for: the names `strings/<language>.yml` that are
    /// language tags, sorted. A name counts whatever it is: a strings file that is a link out of
    /// the theme is refused by the theme load, which says why.
    public static func languages(in root: URL) -> [String] {
        var walk = ThemeWalk(root: root)
        guard let folder = walk.entry("strings", location: walk.rootPath + "/strings", in: walk.realRoot),
              folder.isDirectory else { return [] }
        return ThemeWalk.names(in: folder.location).compactMap { name in
            guard name.hasSuffix(".yml") else { return nil }
            let language = String(name.dropLast(".yml".count))
            return LanguageTag.isWellFormed(language) ? language : nil
        }
    }
}

/// One listing of the theme folder, with what it refused.
private struct ThemeWalk {
    let rootPath: String
    /// The theme folder with every link in its path followed, which a link's target must stay in.
    let realRoot: String
    private(set) var problems: [Diagnostic] = []
    /// The folders being listed, followed links included: a link back to any of them repeats
    /// it without end (`assets/loop → .`), however the link reaches it.
    private var listing: [String] = []

    init(root: URL) {
        rootPath = root.path
        realRoot = Self.realPath(rootPath) ?? rootPath
    }

    /// Visible names in a folder, in a fixed order.
    static func names(in location: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: location)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    mutating func files(below location: String, path: String, into found: inout [SourceFile]) {
        let real = Self.realPath(location) ?? location
        listing.append(real)
        defer { listing.removeLast() }
        for name in Self.names(in: location) {
            let childPath = path + "/" + name
            guard let entry = entry(childPath, location: location + "/" + name, in: real) else { continue }
            if entry.isDirectory {
                files(below: entry.location, path: childPath, into: &found)
            } else {
                // With its stamp, so the cache keeps its digest from the load stage on, not only
                // if the page fingerprints asked for it before the next cache was taken.
                found.append(SourceFile(path: childPath, location: entry.location, stamp: entry.stamp))
            }
        }
    }

    /// What the name at `location` is, a link followed to its target, or nil when it is not
    /// there or must not be used (reported). `folder` is the real path of the folder holding it.
    mutating func entry(_ path: String, location: String, in folder: String) -> (location: String, isDirectory: Bool, stamp: FileStamp)? {
        var info = stat()
        guard lstat(location, &info) == 0 else { return nil }
        var location = location
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let target = Self.realPath(location) else {
                return refuse(path, Message(errno == ELOOP ? .linkCircular : .linkDangling))
            }
            guard target == realRoot || target.hasPrefix(realRoot + "/") else {
                return refuse(path, Message(.linkOutside, ["target": target, "folder": DiagnosticKind.whereThemeFolder]))
            }
            if folder == target || folder.hasPrefix(target + "/") || listing.contains(target) {
                return refuse(path, Message(.linkLoop))
            }
            guard stat(target, &info) == 0 else { return nil }
            location = target
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return (location, false, FileStamp(info))
        case S_IFDIR: return (location, true, FileStamp(info))
        default: return refuse(path, Message(.notAPlainFile, ["folder": DiagnosticKind.whereThemeFolder]))
        }
    }

    private mutating func refuse(_ path: String, _ problem: Message) -> (location: String, isDirectory: Bool, stamp: FileStamp)? {
        problems.append(Diagnostic(path: path, problem))
        return nil
    }

    /// The path with every link followed; nil with `errno` set when that fails.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
