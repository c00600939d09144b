import Foundation

/// Writes a file with plain POSIX calls. Foundation's `Data.write` syncs every file to disk,
/// which made writing 13,000 pages wait on the disk; the staging folder is swapped in whole,
/// so a page needs no sync of its own.
enum FileWriter {
    static func store(_ text: String, at path: String) throws {
        var text = text
        try text.withUTF8 { try store(UnsafeRawBufferPointer($0), at: path) }
    }

    static func store(_ bytes: [UInt8], at path: String) throws {
        try bytes.withUnsafeBytes { try store($0, at: path) }
    }

    static func store(_ buffer: UnsafeRawBufferPointer, at path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            offset += written
        }
    }

    /// Copies a file's bytes over whatever is at `destination`.
    static func copy(_ source: String, to destination: String) throws {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        try data.withUnsafeBytes { try store($0, at: destination) }
    }
}
