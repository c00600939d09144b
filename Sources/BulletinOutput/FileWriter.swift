import BulletinModel
import BulletinSupport
import Foundation
import SystemPackage

/// Writes a file through swift-system's descriptors. Foundation's `Data.write` syncs every
/// file to disk, and the staging folder is swapped in whole, so a page needs no sync of its
/// own. Each returns what the file system says of the file written, asked of the open file
/// (a build records it; see `TreeStamp`).
public enum FileWriter {
    /// rw-r--r--, less the umask.
    private static let permissions: FilePermissions = [.ownerReadWrite, .groupRead, .otherRead]

    @discardableResult
    public static func store(_ text: String, at path: String) throws -> stat {
        var text = text
        return try text.withUTF8 { try store(UnsafeRawBufferPointer($0), at: path) }
    }

    @discardableResult
    public static func store(_ bytes: [UInt8], at path: String) throws -> stat {
        try bytes.withUnsafeBytes { try store($0, at: path) }
    }

    /// The parts one after another, without joining them in memory first.
    @discardableResult
    public static func store(_ parts: [[UInt8]], at path: String) throws -> stat {
        try posix {
            let file = try create(path)
            defer { try? file.close() }
            for part in parts { try file.writeAll(part) }
            return try written(file)
        }
    }

    @discardableResult
    public static func store(_ buffer: UnsafeRawBufferPointer, at path: String) throws -> stat {
        try posix {
            let file = try create(path)
            defer { try? file.close() }
            try file.writeAll(buffer)
            return try written(file)
        }
    }

    private static func written(_ file: FileDescriptor) throws -> stat {
        var info = stat()
        guard fstat(file.rawValue, &info) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return info
    }

    /// The path as given, not normalised as a `FilePath` would be.
    private static func create(_ path: String) throws -> FileDescriptor {
        try path.withCString {
            try FileDescriptor.open($0, .writeOnly, options: [.create, .truncate, .closeOnExec], permissions: permissions)
        }
    }

    /// Writes all of `buffer` at the descriptor's offset, retrying a write cut short or interrupted.
    public static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) throws {
        try posix { try FileDescriptor(rawValue: descriptor).writeAll(buffer) }
    }

    /// Writes all of `buffer` into the file at `start`, wherever its offset stands.
    public static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32, at start: Int) throws {
        try posix { try FileDescriptor(rawValue: descriptor).writeAll(toAbsoluteOffset: Int64(start), buffer) }
    }

    /// swift-system's `Errno` thrown as the `POSIXError` the engine's other file operations
    /// throw: callers read the code of one error type, and messages read as they do elsewhere.
    @discardableResult private static func posix<Result>(_ body: () throws -> Result) throws -> Result {
        do { return try body() } catch let error as Errno {
            throw POSIXError(POSIXErrorCode(rawValue: error.rawValue) ?? .EIO)
        }
    }

    /// Copies a file's bytes over whatever is at `destination`.
    @discardableResult
    public static func copy(_ source: String, to destination: String) throws -> stat {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        return try data.withUnsafeBytes { try store($0, at: destination) }
    }
}
