import Foundation

/// Writes the next build cache while the build goes on. Most of it (every file digest and
/// record) is known once the records are validated: it is encoded and written to a temporary
/// file beside the cache on another thread while the pages are fingerprinted and rendered.
/// `finish` adds the output trees and the checksum and renames the file over the old cache;
/// `discard` removes it. Until the rename the old cache stands, so a failed or killed build
/// leaves it as it was (a killed build's temporary file is removed by the next build).
final class CacheFileWriter: @unchecked Sendable {
    static let temporaryPrefix = ".state-"

    private struct Started: Sendable {
        var descriptor: Int32
        var digest: StreamDigest
        var error: Int32
    }

    private let file: URL
    private let temporary: URL
    private let started: Background<Started>
    private var done = false

    /// `content` writes the first part of the cache into the output it is given.
    init(file: URL, content: @escaping @Sendable (inout CacheOutput) throws -> Void) {
        let temporary = file.deletingLastPathComponent().appendingPathComponent(Self.temporaryPrefix + String(getpid()))
        self.file = file
        self.temporary = temporary
        started = Background {
            try? FileManager.default.createDirectory(at: temporary.deletingLastPathComponent(), withIntermediateDirectories: true)
            let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                let code = errno
                return Started(descriptor: -1, digest: StreamDigest(), error: code)
            }
            var output = CacheOutput(descriptor: descriptor)
            do {
                try content(&output)
                try output.flush()
            } catch {
                close(descriptor)
                unlink(temporary.path)
                return Started(descriptor: -1, digest: output.digest, error: (error as? POSIXError)?.code.rawValue ?? EIO)
            }
            return Started(descriptor: descriptor, digest: output.digest, error: 0)
        }
    }

    /// Appends `rest` and the checksum of everything, and puts the file in the cache's place.
    func finish(with rest: [UInt8]) throws {
        guard !done else { return }
        done = true
        var state = started.value
        guard state.descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: state.error) ?? .EIO) }
        state.digest.add(rest)
        var trailer = BinaryWriter()
        trailer.digest(state.digest.finish())
        do {
            try rest.withUnsafeBytes { try FileWriter.writeAll($0, to: state.descriptor) }
            try trailer.bytes.withUnsafeBytes { try FileWriter.writeAll($0, to: state.descriptor) }
        } catch {
            close(state.descriptor)
            unlink(temporary.path)
            throw error
        }
        close(state.descriptor)
        // Renamed over an old file, ext4 starts writing the new one to disk at once, so that a
        // crash cannot leave it empty; that took a millisecond of every build. A cache lost in
        // a crash only costs time, so the old one is removed first and the new one takes its
        // name without replacing anything.
        unlink(file.path)
        guard rename(temporary.path, file.path) == 0 else {
            let code = errno
            unlink(temporary.path)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }

    /// Removes what was written; the old cache stays.
    func discard() {
        guard !done else { return }
        done = true
        let state = started.value
        guard state.descriptor >= 0 else { return }
        close(state.descriptor)
        unlink(temporary.path)
    }
}

/// The cache file on its way to disk: bytes gather in one buffer that is written out, added to
/// the checksum and reused whenever it fills. Encoding the whole 11 MB cache into a fresh
/// buffer first made the kernel hand out and clear some 3,000 pages on every build.
struct CacheOutput {
    private static let bufferSize = 1 << 18
    var writer = BinaryWriter(capacity: CacheOutput.bufferSize + 4_096)
    private let descriptor: Int32
    private(set) var digest = StreamDigest()

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// Writes the buffer out once it holds a buffer's worth; call it between entries.
    mutating func flushIfFull() throws {
        if writer.bytes.count >= Self.bufferSize { try flush() }
    }

    mutating func flush() throws {
        guard !writer.bytes.isEmpty else { return }
        digest.add(writer.bytes)
        try writer.bytes.withUnsafeBytes { try FileWriter.writeAll($0, to: descriptor) }
        writer.removeAll()
    }
}
