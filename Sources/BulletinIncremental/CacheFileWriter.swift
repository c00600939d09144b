import BulletinContent
import BulletinModel
import BulletinOutput
import BulletinRender
import BulletinSite
import BulletinSupport
import Foundation

/// Writes the next build cache while the build goes on. Most of it (every file digest and
/// record) is known once the records are validated: it is encoded and written to a temporary
/// file beside the cache on another thread while the pages are fingerprinted and rendered,
/// and the records added to the records file (see `RecordStore`). `complete` adds the output
/// trees, `commit` what was learned while the pages were written and the checksum, and renames
/// the file over the old cache; `discard` removes it.
/// Until the rename the old cache stands, so a failed or killed build leaves it as it was (a
/// killed build's temporary files are removed by the next build; records it appended are
/// named by no state, and dropped when the records file is next written afresh).
public final class CacheFileWriter: @unchecked Sendable {
    public static let temporaryPrefix = OutputFolder.cacheTemporaryPrefix

    /// The temporary files as far as they got. Once `error` is set they are gone.
    private struct Progress: Sendable {
        /// Open while there is more to write; -1 once closed.
        public var descriptor: Int32 = -1
        public var digest = StreamDigest()
        public var error: Int32?
        public var pendingRecords: URL?
    }

    private let file: URL
    private let temporary: URL
    private let started: Background<Progress>
    private var completed: Background<Progress>?
    private var done = false

    /// `content` writes the first part of the cache into the output it is given.
    public init(file: URL, content: @escaping @Sendable (inout CacheOutput) throws -> Void) {
        let temporary = file.deletingLastPathComponent().appendingPathComponent(Self.temporaryPrefix + String(getpid()))
        self.file = file
        self.temporary = temporary
        started = Background {
            try? FileManager.default.createDirectory(at: temporary.deletingLastPathComponent(), withIntermediateDirectories: true)
            let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return Progress(error: errno) }
            let records = RecordStoreWriter(file: RecordStore.file(beside: file), temporary: RecordStore.file(beside: temporary))
            var output = CacheOutput(descriptor: descriptor, records: records)
            var progress = Progress(descriptor: descriptor)
            do {
                try content(&output)
                try output.flush()
            } catch {
                progress.error = (error as? POSIXError)?.code.rawValue ?? EIO
            }
            (progress.digest, progress.pendingRecords) = (output.digest, output.pendingRecords)
            return Self.settled(progress, temporary: temporary)
        }
    }

    /// Appends what `rest` gives, on another thread: the output trees are known before the
    /// pages are rendered. `commit` then ends the file and puts it in place.
    public func complete(with rest: @escaping @Sendable () -> [UInt8]) {
        guard !done, completed == nil else { return }
        let (started, temporary) = (self.started, self.temporary)
        completed = Background {
            var progress = started.value
            guard progress.error == nil else { return progress }
            let bytes = rest()
            progress.digest.add(bytes)
            do {
                try bytes.withUnsafeBytes { try FileWriter.writeAll($0, to: progress.descriptor) }
            } catch {
                progress.error = (error as? POSIXError)?.code.rawValue ?? EIO
            }
            return Self.settled(progress, temporary: temporary)
        }
    }

    /// Appends `tail` (what was learned while the pages were written) and the
    /// checksum of everything, and puts the completed file in the cache's place.
    public func commit(tail: [UInt8] = []) throws {
        guard !done, let completed else { return }
        done = true
        var progress = completed.value
        if progress.error == nil {
            progress.digest.add(tail)
            var trailer = BinaryWriter()
            trailer.digest(progress.digest.finish())
            do {
                try tail.withUnsafeBytes { try FileWriter.writeAll($0, to: progress.descriptor) }
                try trailer.bytes.withUnsafeBytes { try FileWriter.writeAll($0, to: progress.descriptor) }
            } catch {
                progress.error = (error as? POSIXError)?.code.rawValue ?? EIO
            }
            close(progress.descriptor)
            progress.descriptor = -1
            progress = Self.settled(progress, temporary: temporary)
        }
        if let error = progress.error { throw POSIXError(POSIXErrorCode(rawValue: error) ?? .EIO) }
        // A new records file goes in first: the old state names the old file by its inode, so
        // if the build stops between the two renames, the next one only parses records again.
        if let pending = progress.pendingRecords {
            try Self.replace(RecordStore.file(beside: file), with: pending, orRemove: temporary)
        }
        try Self.replace(file, with: temporary)
    }

    /// `complete` and `commit` in one.
    public func finish(with rest: [UInt8]) throws {
        complete { rest }
        try commit()
    }

    /// Removes what was written; the old cache stays.
    public func discard() {
        guard !done else { return }
        done = true
        let progress = completed?.value ?? started.value
        guard progress.error == nil else { return }
        if progress.descriptor >= 0 { close(progress.descriptor) }
        unlink(temporary.path)
        if let pending = progress.pendingRecords { unlink(pending.path) }
    }

    /// A failed step removes the temporary files: nothing further is done with them.
    private static func settled(_ progress: Progress, temporary: URL) -> Progress {
        guard progress.error != nil else { return progress }
        if progress.descriptor >= 0 { close(progress.descriptor) }
        unlink(temporary.path)
        if let pending = progress.pendingRecords { unlink(pending.path) }
        return Progress(error: progress.error)
    }

    /// Renamed over an old file, ext4 starts writing the new one to disk at once, so that a
    /// crash cannot leave it empty, which every build would wait for. A cache lost in a
    /// crash only costs time, so the old file is removed first and the new one takes its name
    /// without replacing anything.
    private static func replace(_ target: URL, with new: URL, orRemove other: URL? = nil) throws {
        unlink(target.path)
        guard rename(new.path, target.path) == 0 else {
            let code = errno
            unlink(new.path)
            if let other { unlink(other.path) }
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }
}

/// The cache file on its way to disk: bytes gather in one buffer that is written out, added to
/// the checksum and reused whenever it fills, rather than encoding the whole cache into a
/// fresh buffer whose pages the kernel would hand out and clear on every build.
public struct CacheOutput {
    private static let bufferSize = 1 << 18
    public var writer = BinaryWriter(capacity: CacheOutput.bufferSize + 4_096)
    private let descriptor: Int32
    public private(set) var digest = StreamDigest()
    private var flushed = 0
    /// Where the records go (see `RecordStore`), and a new records file to put in place with the state.
    public var records: RecordStoreWriter?
    public var pendingRecords: URL?

    public init(descriptor: Int32, records: RecordStoreWriter? = nil) {
        self.descriptor = descriptor
        self.records = records
    }

    /// How many bytes have been written, counting those still in the buffer.
    public var position: Int { flushed + writer.bytes.count }

    /// Writes the buffer out once it holds a buffer's worth; call it between entries.
    public mutating func flushIfFull() throws {
        if writer.bytes.count >= Self.bufferSize { try flush() }
    }

    public mutating func flush() throws {
        guard !writer.bytes.isEmpty else { return }
        digest.add(writer.bytes)
        try writer.bytes.withUnsafeBytes { try FileWriter.writeAll($0, to: descriptor) }
        flushed += writer.bytes.count
        writer.removeAll()
    }
}
