import Foundation

/// Bytes that readers share and nothing changes: a copy of an array, or a file mapped
/// read-only into memory, which costs neither a copy nor fresh pages. A mapped file must not
/// be cut short in place while it is read (the read would fault); the build cache, the one file
/// mapped, is only ever replaced by renaming a new file over it.
public final class SharedBytes: @unchecked Sendable {
    public let base: UnsafeRawPointer
    public let count: Int
    /// The mapped file's identity; zero for a copy.
    public private(set) var device: UInt64 = 0
    public private(set) var inode: UInt64 = 0
    private let mapped: Bool

    public init(copying array: [UInt8]) {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(array.count, 1), alignment: 16)
        array.withUnsafeBytes { memory.copyMemory(from: $0.baseAddress ?? UnsafeRawPointer(memory), byteCount: $0.count) }
        (base, count, mapped) = (UnsafeRawPointer(memory), array.count, false)
    }

    /// Nil when the file cannot be opened, is empty or cannot be mapped.
    public init?(mappingFileAt path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        // Mapped whole at once: every byte is read to check its digest, so taking the pages one
        // fault at a time would only add faults.
        guard let memory = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0), memory != MAP_FAILED else { return nil }
        (base, count, mapped) = (UnsafeRawPointer(memory), size, true)
        (device, inode) = (UInt64(info.st_dev), UInt64(info.st_ino))
    }

    deinit {
        if mapped { munmap(UnsafeMutableRawPointer(mutating: base), count) } else { base.deallocate() }
    }

    public subscript(buffer range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: (base + range.lowerBound).assumingMemoryBound(to: UInt8.self), count: range.count)
    }

    public subscript(range: Range<Int>) -> [UInt8] { Array(self[buffer: range]) }
}
