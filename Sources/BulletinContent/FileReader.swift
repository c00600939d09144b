import BulletinModel
import BulletinSupport
import Foundation

/// Reads a whole file into bytes with plain POSIX calls, sized once from `fstat`.
public enum FileReader {
    public static func bytes(atPath path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        // Filled by `read` straight away, not zeroed first: for a cache of megabytes that was
        // as slow as the read.
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var filled = 0
            while filled < size {
                let count = read(descriptor, buffer.baseAddress! + filled, size - filled)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                filled += count
            }
            initialized = filled
        }
        // A file cut short while it was read is reported as unreadable, not returned in part.
        return bytes.count == size ? bytes : nil
    }
}
