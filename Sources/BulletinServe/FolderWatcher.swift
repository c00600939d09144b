import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders, every folder below them included, and calls `changed` once per burst of
/// saves: an editor writing a temporary file and renaming it, or a dozen files saved at once,
/// is one call, made when no event has come for `quiet` (or `longest` after the first).
/// Editors' swap and backup files (`.swp`, `~`, `4913`, `.#name`) are not changes.
/// On Linux it uses inotify; elsewhere it compares the folders' stamps twice a second.
final class FolderWatcher: @unchecked Sendable {
    let folders: [URL]
    let quiet: Duration
    let longest: Duration
    private let changed: @Sendable () -> Void
    private let lock = NSLock()
    private var stopping = false

    init(_ folders: [URL], quiet: Duration = .milliseconds(30), longest: Duration = .milliseconds(250),
         changed: @escaping @Sendable () -> Void) {
        self.folders = folders.map { $0.standardizedFileURL }
        (self.quiet, self.longest, self.changed) = (quiet, longest, changed)
    }

    func start() {
        let thread = Thread { [self] in watch() }
        thread.name = "bulletin watcher"
        thread.start()
    }

    func stop() { lock.withLock { stopping = true } }
    private var isStopping: Bool { lock.withLock { stopping } }

    /// A name an editor writes beside the file it saves, never a file of the site.
    static func isEditorScratch(_ name: String) -> Bool {
        name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".swo")
            || name == "4913" || name.hasPrefix(".#") || (name.hasPrefix("#") && name.hasSuffix("#"))
            || name.hasSuffix(".tmp") || name == ".DS_Store"
    }

    #if canImport(Glibc)
    private func watch() {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { return poll() }
        defer { close(descriptor) }
        var watched: [Int32: String] = [:]
        let folderMask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
            | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)
        let parentMask = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)
        func add(_ folder: String) {
            let watch = inotify_add_watch(descriptor, folder, folderMask | UInt32(IN_ONLYDIR))
            guard watch >= 0 else { return }
            watched[watch] = folder
            let below = (try? FileManager().contentsOfDirectory(atPath: folder)) ?? []
            for name in below {
                var info = stat()
                if lstat(folder + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { add(folder + "/" + name) }
            }
        }
        // Each watched folder's parent too, for the folder itself deleted, renamed or made again.
        var parents: [Int32: [String]] = [:]
        func watchAll() {
            for watch in watched.keys { inotify_rm_watch(descriptor, watch) }
            watched = [:]
            parents = [:]
            for folder in folders { add(folder.path) }
            for folder in folders {
                let watch = inotify_add_watch(descriptor, folder.deletingLastPathComponent().path, parentMask | UInt32(IN_ONLYDIR))
                if watch >= 0 { parents[watch, default: []].append(folder.lastPathComponent) }
            }
        }
        watchAll()
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        var burstStart: ContinuousClock.Instant?
        var lastEvent = ContinuousClock.now
        while !isStopping {
            var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let timeout = burstStart == nil ? 100 : 10
            if Glibc.poll(&waiting, 1, Int32(timeout)) > 0 {
                let count = read(descriptor, &buffer, buffer.count)
                var relevant = false
                var rewatch = false
                var offset = 0
                while count > 0, offset + MemoryLayout<inotify_event>.size <= count {
                    let event = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: inotify_event.self) }
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let name = buffer[nameStart..<nameStart + Int(event.len)].withUnsafeBytes { bytes in
                        String(decoding: bytes.prefix(while: { $0 != 0 }), as: UTF8.self)
                    }
                    offset = nameStart + Int(event.len)
                    if event.mask & UInt32(IN_Q_OVERFLOW) != 0 { (relevant, rewatch) = (true, true); continue }
                    if let names = parents[event.wd] {
                        if names.contains(name) { (relevant, rewatch) = (true, true) }
                        continue
                    }
                    if event.mask & UInt32(IN_IGNORED) != 0 { watched[event.wd] = nil; continue }
                    if event.mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 { relevant = true; continue }
                    if Self.isEditorScratch(name) { continue }
                    relevant = true
                    if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
                       let folder = watched[event.wd] {
                        add(folder + "/" + name)
                    }
                }
                if rewatch { watchAll() }
                if relevant {
                    lastEvent = .now
                    if burstStart == nil { burstStart = lastEvent }
                }
            }
            if let start = burstStart, ContinuousClock.now - lastEvent >= quiet || ContinuousClock.now - start >= longest {
                burstStart = nil
                changed()
            }
        }
    }
    #else
    private func watch() { poll() }
    #endif

    /// Where inotify is not to be had: every folder's and file's stamp, compared twice a second.
    private func poll() {
        var last = stamps()
        while !isStopping {
            Thread.sleep(forTimeInterval: 0.5)
            let now = stamps()
            if now != last {
                last = now
                changed()
            }
        }
    }

    private func stamps() -> [String: Date] {
        var found: [String: Date] = [:]
        for folder in folders {
            guard let walker = FileManager().enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey]) else { continue }
            for case let url as URL in walker where !Self.isEditorScratch(url.lastPathComponent) {
                found[url.path] = (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
            }
        }
        return found
    }
}
