import BulletinSupport
import Foundation

/// A file found in the content folder, named by its path relative to that folder.
public struct SourceFile: Sendable, Hashable {
    public let path: String
    /// Where it is on disk: kept as a path, which every read and cache lookup uses.
    public let location: String
    /// What the file system said of it when the folder was scanned, to tell it unchanged.
    public var stamp: FileStamp? = nil

    public var url: URL { URL(fileURLWithPath: location) }

    public init(path: String, url: URL, stamp: FileStamp? = nil) {
        self.init(path: path, location: url.path, stamp: stamp)
    }

    public init(path: String, location: String, stamp: FileStamp?) {
        self.path = path
        self.location = location
        self.stamp = stamp
    }
}

/// Size, times and identity of a file: when all are as before, so is the file.
public struct FileStamp: Sendable, Hashable {
    public var size: Int
    public var modified: Int
    public var changed: Int
    public var inode: UInt64
    public var device: UInt64

    public init(_ info: stat) {
        size = Int(info.st_size)
        modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        changed = Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
        device = UInt64(info.st_dev)
    }

    public init?(of url: URL) {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        self.init(info)
    }

    public init(size: Int, modified: Int, changed: Int, inode: UInt64, device: UInt64) {
        (self.size, self.modified, self.changed, self.inode, self.device) = (size, modified, changed, inode, device)
    }
}
