import BulletinModel
import BulletinSupport
import Foundation

/// The output folder and what sits beside it: the build lock and the cache folder with the
/// spare tree (`TreeUpdate` writes a build there and swaps it in whole). A failed or killed
/// build leaves the previous site exactly as it was.
public struct OutputFolder {
    /// Written into every output, so the build never deletes a folder it did not make.
    public static let marker = ".bulletin-output"
    public let target: URL
    private let fileManager = FileManager()

    /// Links in the path are resolved first, through the deepest part that exists, so the
    /// checks and the swap act on the real folder (a `Public` that links to `www/` updates `www/`).
    public init(_ target: URL) { self.target = Self.realPath(target.standardizedFileURL) }

    public static func realPath(_ url: URL) -> URL {
        var existing = url
        var rest: [String] = []
        while !FileManager().fileExists(atPath: existing.path), existing.pathComponents.count > 1 {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var resolved = existing.resolvingSymlinksInPath().standardizedFileURL
        for component in rest { resolved.appendPathComponent(component) }
        return resolved
    }

    private var parent: URL { target.deletingLastPathComponent() }
    private var name: String { target.lastPathComponent }

    /// `.<output>.cache/` beside the output: the build cache and the spare tree.
    public var cacheFolder: URL { parent.appendingPathComponent(".\(name).cache") }
    public var cacheFile: URL { cacheFolder.appendingPathComponent("state") }
    public var spareFolder: URL { cacheFolder.appendingPathComponent("spare") }
    /// The content folders' names as the last build found them (`FolderListings`).
    public var listingsFile: URL { cacheFolder.appendingPathComponent("folders") }

    /// Makes the spare folder, empty, where the file system can place a tree of its own.
    ///
    /// ext4 puts a folder's files and subfolders in the block group of the folder, and without
    /// a journal it will not reuse an inode freed in the last minute: it scans past every such
    /// inode for each new one. A site deleted just before a build (`rm -rf Public`, or a
    /// benchmark between rounds) leaves thousands of them where a new tree beside it would go,
    /// and making the new tree then takes several times as long (docs/performance.md).
    /// The cache folder is marked as the top of a hierarchy (`chattr +T`), so ext4 places each
    /// new folder in it in a block group of its own choosing, starting from a hash of the
    /// folder's name: a new name each time finds a group that holds no freshly deleted tree.
    /// Elsewhere the mark is refused or ignored and this is an ordinary `mkdir`.
    public func makeEmptySpare() throws {
        try fileManager.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
        Self.markTopOfHierarchy(cacheFolder.path)
        let fresh = cacheFolder.appendingPathComponent(Self.freshSparePrefix + UUID().uuidString).path
        guard mkdir(fresh, 0o755) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        if rename(fresh, spareFolder.path) != 0 {
            rmdir(fresh)
            try fileManager.createDirectory(at: spareFolder, withIntermediateDirectories: true)
        }
    }

    /// A spare folder being made; one a killed build left is removed with the other leftovers.
    public static let freshSparePrefix = "spare-new-"
    /// The start of the name of a cache file still being written (removed as a leftover).
    public static let cacheTemporaryPrefix = ".state-"

    private static func markTopOfHierarchy(_ path: String) {
        #if os(Linux)
        let (getFlags, setFlags, topDirectory): (UInt, UInt, Int32) = (0x8008_6601, 0x4008_6602, 0x0002_0000)
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var flags: Int32 = 0
        guard ioctl(descriptor, getFlags, &flags) == 0, flags & topDirectory == 0 else { return }
        flags |= topDirectory
        _ = ioctl(descriptor, setFlags, &flags)
        #endif
    }

    public static let markerText = "This folder is written by bulletin; a build replaces it whole.\n"

    /// Writes the marker as a new file, renamed into place: the tree gets a new identity.
    public static func writeMarker(in folder: URL) throws {
        let temporary = folder.appendingPathComponent(marker + ".new").path
        try FileWriter.store(markerText, at: temporary)
        guard rename(temporary, folder.appendingPathComponent(marker).path) == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    /// Refuses outputs that would overwrite the sources or a folder that is not ours.
    public func checkSafe(content: URL, templates: URL) -> Diagnostic? {
        let out = target.path
        for (kind, source) in [(DiagnosticKind.overlapContent, content), (.overlapTemplates, templates)] {
            let src = Self.realPath(source.standardizedFileURL).path
            if out == src || out.hasPrefix(src + "/") || src.hasPrefix(out + "/") {
                return Diagnostic(path: target.path, .outputOverlaps, ["kind": kind, "folder": src])
            }
        }
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return nil }
        let entries = (try? fileManager.contentsOfDirectory(atPath: target.path)) ?? []
        if !isDirectory.boolValue || (!entries.isEmpty && !entries.contains(Self.marker)) {
            return Diagnostic(path: target.path, .outputNotOurs, ["marker": Self.marker])
        }
        return nil
    }

    /// Holds an exclusive lock on `.<output>.lock` beside the output until released, so two
    /// builds into one folder take turns. `waiting` is called once if another build holds it.
    public func lock(waiting: () -> Void) throws -> BuildLock {
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let path = parent.appendingPathComponent(".\(name).lock").path
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            guard flock(descriptor, LOCK_EX) == 0 else {
                close(descriptor)
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        }
        return BuildLock(descriptor: descriptor)
    }

    /// Removes what killed builds left beside the output (the caller holds the lock).
    public func removeLeftovers() {
        for leftover in (try? fileManager.contentsOfDirectory(atPath: parent.path)) ?? []
        where leftover.hasPrefix(".\(name).staging-") || leftover.hasPrefix(".\(name).previous-") {
            try? fileManager.removeItem(at: parent.appendingPathComponent(leftover))
        }
        try? fileManager.removeItem(at: cacheFolder.appendingPathComponent("previous"))
        // A cache (see `CacheFileWriter`) or a spare folder a killed build was making.
        for leftover in (try? fileManager.contentsOfDirectory(atPath: cacheFolder.path)) ?? []
        where leftover.hasPrefix(Self.cacheTemporaryPrefix) || leftover.hasPrefix(Self.freshSparePrefix) {
            try? fileManager.removeItem(at: cacheFolder.appendingPathComponent(leftover))
        }
    }
}

/// An exclusive build lock; released when `release` is called or the process ends.
public final class BuildLock {
    private var descriptor: Int32
    public init(descriptor: Int32) { self.descriptor = descriptor }
    public func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }
    deinit { release() }
}

/// Linux's `renameat2(RENAME_EXCHANGE)`, looked up at run time: glibc declares it only for
/// GNU builds, which Swift's Glibc module does not see.
public enum AtomicExchange {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameExchange: UInt32 = 1 << 1

    public static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }
}
