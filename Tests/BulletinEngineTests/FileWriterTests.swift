import Foundation
import Testing
@testable import BulletinOutput

/// Pages and cache files are written by `FileWriter`: whole, readable by the web server,
/// and with failures thrown as the POSIX errors the build reports.
@Suite("File writer")
struct FileWriterTests {
    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-writer-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aFileIsWrittenWholeOverWhatWasThere() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("page.html").path
        let long = [UInt8](repeating: 0x61, count: 3_000_000)
        try FileWriter.store(long, at: path)
        #expect(FileManager.default.contents(atPath: path) == Data(long))
        try FileWriter.store([Array("<p>".utf8), [], Array("short</p>".utf8)], at: path)
        #expect(FileManager.default.contents(atPath: path) == Data("<p>short</p>".utf8))
        let mask = umask(0)
        umask(mask)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o644 & ~Int(mask))
    }

    @Test func aWriteAtAnOffsetLeavesTheRestAndTheOffset() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state").path
        try FileWriter.store(Array("0123456789".utf8), at: path)
        let descriptor = open(path, O_RDWR)
        defer { close(descriptor) }
        try Array("ab".utf8).withUnsafeBytes { try FileWriter.writeAll($0, to: descriptor, at: 4) }
        #expect(lseek(descriptor, 0, SEEK_CUR) == 0)
        try Array("X".utf8).withUnsafeBytes { try FileWriter.writeAll($0, to: descriptor) }
        #expect(FileManager.default.contents(atPath: path) == Data("X123ab6789".utf8))
    }

    @Test func failuresArePOSIXErrors() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: POSIXError(.ENOENT)) {
            try FileWriter.store([1], at: folder.appendingPathComponent("missing/page.html").path)
        }
        #expect(throws: POSIXError(.ENOENT)) {
            try FileWriter.copy(folder.appendingPathComponent("missing.css").path, to: folder.appendingPathComponent("copy.css").path)
        }
        #if os(Linux)
        do {
            try FileWriter.store([1, 2, 3], at: "/dev/full")
            Issue.record("a full device took the bytes")
        } catch let error as POSIXError {
            #expect(error.code == .ENOSPC)
            #expect(error.localizedDescription.contains("No space left on device"), "\(error.localizedDescription)")
        }
        #endif
    }
}
