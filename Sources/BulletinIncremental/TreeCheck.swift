import BulletinContent
import BulletinModel
import BulletinOutput
import BulletinRender
import BulletinSite
import BulletinSupport
import Foundation

/// A file's or folder's stamp in one word: size, modification and change times, inode, device
/// and type. Writing into a file changes its times (and nothing sets a change time back),
/// replacing it changes its inode, and adding, removing or renaming a name in a folder changes
/// the folder's times. Taken right after the build writes or links a file, it is what the next
/// build compares before it trusts the file, for a stat per file instead of reading it.
public enum TreeStamp {
    /// Matches nothing: what a build did not stamp is not trusted.
    public static let unknown: UInt64 = 0

    public static func word(_ info: stat) -> UInt64 {
        var builder = DigestBuilder()
        builder.add(Int(info.st_size))
        builder.add(Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec))
        builder.add(Int(info.st_ctim.tv_sec) &* 1_000_000_000 &+ Int(info.st_ctim.tv_nsec))
        builder.add(UInt64(info.st_ino))
        builder.add(UInt64(info.st_dev))
        builder.add(UInt64(info.st_mode))
        let word = builder.finish().low
        return word == unknown ? 1 : word
    }

    public static func word(at path: String) -> UInt64 {
        var info = stat()
        return lstat(path, &info) == 0 ? word(info) : unknown
    }
}

/// What checking a tree against its manifest found: which files and folders are as the build
/// that wrote them left them, and what the tree holds that no build put there.
public struct TreeCheck: Sendable {
    /// By place in the manifest.
    public var files: [Bool]
    public var folders: [Bool]
    /// Files and folders below the root that the manifest does not list, relative to the root.
    public var strays: [String]

    public var changedFiles: Int { files.count(where: { !$0 }) }

    /// Nothing to put right: a folder whose stamp changed but that holds only what it should
    /// (a file removed and written again, say) is no damage; its files were checked on their own.
    public var intact: Bool { strays.isEmpty && !files.contains(false) }

    /// Stats every file and folder of the tree at `root` on every core and compares them with
    /// `manifest`; then lists the root, and every folder whose stamp changed, for names it
    /// should not hold. The root is listed, not stamped: the rename that swaps the trees
    /// changes its times.
    public init(of root: URL, _ manifest: BuildCache.Manifest) {
        let (count, folderCount) = (manifest.count, manifest.shape.folderCount)
        let places = manifest.shape.placesFoldersFirst()
        let stamps = manifest.stampsNow(below: root.path, places: places)
        var now = [UInt64](repeating: TreeStamp.unknown, count: count + folderCount)
        for (place, stamp) in zip(places, stamps) { now[place] = stamp }
        let folders = (0..<folderCount).map { now[count + $0] != TreeStamp.unknown && now[count + $0] == manifest.folderStamps[$0] }
        files = (0..<count).map { now[$0] != TreeStamp.unknown && now[$0] == manifest.stamps[$0] }
        strays = Self.strays(below: root.path, manifest, listing: [-1] + folders.indices.filter { !folders[$0] })
        self.folders = folders
    }

    /// Names in the `listing` folders (-1: the root) that `manifest` does not hold.
    private static func strays(below root: String, _ manifest: BuildCache.Manifest, listing: [Int]) -> [String] {
        let shape = manifest.shape
        var listed = [Bool](repeating: false, count: shape.folderCount + 1)
        for folder in listing { listed[folder + 1] = true }
        var expected: [Int: Set<String>] = [-1: [OutputFolder.marker]]
        var names: [Int: String] = [:]
        manifest.paths.withBytes { bytes in
            let ranges = BuildCache.PathList.ranges(in: bytes, count: manifest.count)
            func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
            func last(_ range: Range<Int>) -> String {
                text((bytes[range].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? range.lowerBound)..<range.upperBound)
            }
            func folderRange(_ folder: Int) -> Range<Int> {
                let start = ranges[Int(shape.source[folder])].lowerBound
                return start..<min(start + Int(shape.length[folder]), ranges[Int(shape.source[folder])].upperBound)
            }
            for (file, folder) in shape.fileFolder.enumerated() where listed[Int(folder) + 1] {
                expected[Int(folder), default: []].insert(last(ranges[file]))
            }
            for (folder, parent) in shape.parent.enumerated() where listed[Int(parent) + 1] {
                expected[Int(parent), default: []].insert(last(folderRange(folder)))
            }
            for folder in listing where folder >= 0 { names[folder] = text(folderRange(folder)) }
        }
        var found: [String] = []
        for folder in listing {
            let relative = folder < 0 ? "" : names[folder]! + "/"
            var info = stat()
            guard lstat(root + "/" + relative, &info) == 0 else { continue }
            // A file where a folder should be is in the way of the folder made again.
            guard info.st_mode & S_IFMT == S_IFDIR else {
                found.append(names[folder]!)
                continue
            }
            let wanted = expected[folder] ?? []
            for name in (try? FileManager().contentsOfDirectory(atPath: root + "/" + relative)) ?? [] where !wanted.contains(name) {
                found.append(relative + name)
            }
        }
        return found.sorted()
    }

    /// Removes what `strays` names below `root` (a tree about to be written, never the output).
    public static func remove(_ strays: [String], below root: URL) {
        let fileManager = FileManager()
        for stray in strays { try? fileManager.removeItem(atPath: root.path + "/" + stray) }
    }

    /// The line a build logs for what it found in `tree`, if anything.
    public static func report(changed: Int, added: Int, in tree: String) -> String? {
        var parts: [String] = []
        if changed > 0 { parts.append(changed == 1 ? "1 file changed or missing" : "\(changed) files changed or missing") }
        if added > 0 { parts.append(added == 1 ? "1 file or folder no build wrote" : "\(added) files or folders no build wrote") }
        guard !parts.isEmpty else { return nil }
        return "Found \(parts.joined(separator: " and ")) in \(tree) since the last build; \(changed + added == 1 ? "it is" : "they are") put right"
    }
}

extension BuildCache.Manifest {
    /// What `places` name below `root` now, as `TreeStamp` words, on every core: a place below
    /// `count` is a file, `count + n` is folder `n`. Each is one `fstatat` from the root's
    /// descriptor, the path copied from where the list keeps it.
    public func stampsNow(below root: String, places: [Int]) -> [UInt64] {
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return places.map { _ in TreeStamp.unknown } }
        defer { close(descriptor) }
        let (count, shape) = (self.count, self.shape)
        return paths.withBytes { buffer in
            let ranges = BuildCache.PathList.ranges(in: buffer, count: count)
            let bytes = SharedBuffer(buffer)
            return Parallel.map(places) { place in
                guard place >= count else { return bytes.stamp(of: ranges[place], below: descriptor) }
                let folder = place - count, file = ranges[Int(shape.source[folder])]
                guard Int(shape.length[folder]) <= file.count else { return TreeStamp.unknown }
                return bytes.stamp(of: file.lowerBound..<file.lowerBound + Int(shape.length[folder]), below: descriptor)
            }
        }
    }
}

/// A buffer read on every core while its owner keeps it alive and unchanged.
private struct SharedBuffer: @unchecked Sendable {
    public let buffer: UnsafeRawBufferPointer
    public init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    public func stamp(of range: Range<Int>, below descriptor: Int32) -> UInt64 {
        guard let base = buffer.baseAddress, !range.isEmpty else { return TreeStamp.unknown }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: range.count + 1) { path in
            UnsafeMutableRawPointer(path.baseAddress!).copyMemory(from: base + range.lowerBound, byteCount: range.count)
            path[range.count] = 0
            var info = stat()
            return fstatat(descriptor, path.baseAddress!, &info, AT_SYMLINK_NOFOLLOW) == 0 ? TreeStamp.word(info) : TreeStamp.unknown
        }
    }
}
