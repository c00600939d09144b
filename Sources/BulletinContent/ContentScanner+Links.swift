import BulletinModel
import Foundation

/// How the scanner follows links: only while they stay inside the content folder, and never
/// back into a folder the walk is in, which would repeat that folder without end.
extension ContentScanner {
    /// A folder as the file system knows it, whichever path or link reached it.
    struct FolderIdentity: Equatable, Sendable {
        let device: UInt64
        let inode: UInt64

        init(_ stamp: FileStamp) {
            (device, inode) = (stamp.device, stamp.inode)
        }
    }

    /// Where a link leads, or nil (reported) when it must not be followed.
    mutating func resolvedLink(_ url: URL, path: String, folder: URL) -> URL? {
        guard let resolved = realpath(url.path, nil) else {
            report(path, errno == ELOOP ? .linkCircular : .linkDangling)
            return nil
        }
        defer { free(resolved) }
        let target = String(cString: resolved)
        let rootPath = realRoot
        guard target == rootPath || target.hasPrefix(rootPath + "/") else {
            report(path, .linkOutside, ["target": target, "folder": DiagnosticKind.whereContentFolder])
            return nil
        }
        let here = folder.resolvingSymlinksInPath().standardizedFileURL.path
        if here == target || here.hasPrefix(target + "/") {
            report(path, .linkLoop)
            return nil
        }
        return URL(fileURLWithPath: target)
    }

    /// Whether a link to the folder with `stamp` leads back into a folder the walk is in
    /// (reported). The link's own folder on disk need not be inside it: with `media/a/to-b → ../b`
    /// and `media/b/to-a → ../a`, the walk of `a` reaches `to-a` in `b`. Checked only for links,
    /// and with no call to the file system: a folder's stamp was taken when it was listed.
    mutating func leadsBackIntoTheWalk(_ stamp: FileStamp, path: String) -> Bool {
        guard walkPath.contains(FolderIdentity(stamp)) else { return false }
        report(path, .linkLoop)
        return true
    }

    private var realRoot: String {
        realpath(root.path, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? root.path
    }
}
