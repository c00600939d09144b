import BulletinModel
import BulletinSupport
import Foundation

/// Writes a file with plain POSIX calls. Foundation's `Data.write` syncs every file to disk,
/// which made writing 13,000 pages wait on the disk; the staging folder is swapped in whole,
/// so a page needs no sync of its own. Each returns what the file system says of the file
/// written, asked of the open file (a build records it; see `TreeStamp`).
public enum FileWriter {
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
        let descriptor = try create(path)
        defer { close(descriptor) }
        for part in parts { try part.withUnsafeBytes { try writeAll($0, to: descriptor) } }
        return try written(descriptor)
    }

    @discardableResult
    public static func store(_ buffer: UnsafeRawBufferPointer, at path: String) throws -> stat {
        let descriptor = try create(path)
        defer { close(descriptor) }
        try writeAll(buffer, to: descriptor)
        return try written(descriptor)
    }

    private static func written(_ descriptor: Int32) throws -> stat {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return info
    }

    private static func create(_ path: String) throws -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return descriptor
    }

    public static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) throws {
        try writeAll(buffer) { write(descriptor, $0, $1) }
    }

    /// Writes all of `buffer` into the file at `start`, wherever its offset stands.
    public static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32, at start: Int) throws {
        // What is left to write ends where the buffer does.
        try writeAll(buffer) { pointer, left in pwrite(descriptor, pointer, left, off_t(start + buffer.count - left)) }
    }

    private static func writeAll(_ buffer: UnsafeRawBufferPointer, _ write: (UnsafeRawPointer, Int) -> Int) throws {
        var offset = 0
        while offset < buffer.count {
            let written = write(buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            offset += written
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
