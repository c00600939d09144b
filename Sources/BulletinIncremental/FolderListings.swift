import BulletinContent
import BulletinModel
import BulletinOutput
import BulletinRender
import BulletinSite
import BulletinSupport
import Foundation

/// The names in each content folder as the last build found them, kept with the folder's stamp
/// in `.<output>.cache/folders`. Adding, removing or renaming a name in a folder changes the
/// folder's modification and change times, and nothing sets a change time back, so a folder
/// whose stamp (size, times, inode) is as it was holds the same names and is not read again:
/// reading a folder cost the kernel more than looking up every name in it. A folder changed in
/// the two seconds before the build is read regardless, and its names are not kept (a second
/// change within one tick of the file system's clock could leave its stamp as it was).
public final class FolderListings: FolderMemo, @unchecked Sendable {
    public struct Listing: Sendable {
        public var stamp: FileStamp
        public var names: [String]
    }

    public static let formatVersion = 3
    private let previous: [String: Range<Int>]
    private let bytes: SharedBytes
    private let trustedBefore: Int
    private let lock = NSLock()
    private var found: [String: Listing] = [:]
    /// Whether this build found a folder the last one did not list, or listed one differently.
    private var changed = false

    /// `file` is read now (a missing or damaged one is as good as none); `startedAt` is the
    /// build's start, in seconds since 1970.
    public init(file: URL?, startedAt: Double) {
        trustedBefore = Int((startedAt - 2) * 1e9)
        guard let file, let bytes = SharedBytes(mappingFileAt: file.path), let index = Self.index(bytes) else {
            (previous, self.bytes) = ([:], SharedBytes(copying: []))
            return
        }
        (previous, self.bytes) = (index, bytes)
    }

    /// Where each folder's listing lies in `bytes`, or nil when they are not a listings file of
    /// this format and program, whole.
    private static func index(_ bytes: SharedBytes) -> [String: Range<Int>]? {
        guard var reader = BinaryReader(checked: bytes) else { return nil }
        do throws(BinaryReader.Damaged) {
            guard try reader.string() == "bulletin-folders", try reader.int() == formatVersion,
                  try reader.digest() == Engine.digest else { return nil }
            var index: [String: Range<Int>] = [:]
            for _ in 0..<(try reader.count()) {
                let path = try reader.string()
                index[path] = try reader.skip(try reader.count())
            }
            return reader.atEnd ? index : nil
        } catch {
            return nil
        }
    }

    /// The names in `folder` (a path on disk) as `list` gives them (the scanner's: sorted, the
    /// ignored ones left out): as the last build kept them when the folder's stamp is the same,
    /// otherwise from `list`.
    public func names(in folder: String, stamp: FileStamp, list: () -> [String]) -> [String] {
        let trusted = max(stamp.modified, stamp.changed) < trustedBefore
        if trusted, let range = previous[folder], let listing = try? Self.listing(BinaryReader(bytes, start: range.lowerBound, end: range.upperBound)),
           listing.stamp == stamp {
            lock.withLock { found[folder] = listing }
            return listing.names
        }
        let names = list()
        lock.withLock {
            changed = true
            if trusted { found[folder] = Listing(stamp: stamp, names: names) }
        }
        return names
    }

    private static func listing(_ reader: BinaryReader) throws(BinaryReader.Damaged) -> Listing {
        var reader = reader
        let stamp = try reader.stamp()
        let names = try reader.array { r throws(BinaryReader.Damaged) in try r.string() }
        guard reader.atEnd else { throw BinaryReader.Damaged() }
        return Listing(stamp: stamp, names: names)
    }

    /// Writes the folders this build found, when they differ from those the file holds:
    /// renamed over the old file, so a reader sees the old listings or the new ones.
    public func save(to file: URL) {
        let (found, changed) = lock.withLock { (self.found, self.changed || self.found.count != previous.count) }
        guard changed else { return }
        var w = BinaryWriter()
        w.string("bulletin-folders")
        w.int(Self.formatVersion)
        w.digest(Engine.digest)
        w.int(found.count)
        for (path, listing) in found {
            w.string(path)
            var entry = BinaryWriter()
            entry.stamp(listing.stamp)
            entry.array(listing.names) { $0.string($1) }
            w.int(entry.bytes.count)
            w.append(entry.bytes[...])
        }
        var digest = StreamDigest()
        digest.add(w.bytes)
        w.digest(digest.finish())
        let temporary = file.deletingLastPathComponent().appendingPathComponent(CacheFileWriter.temporaryPrefix + "folders-" + String(getpid()))
        // Written with plain calls: `Data.write` would sync the file to disk first.
        guard (try? FileWriter.store(w.bytes, at: temporary.path)) != nil, rename(temporary.path, file.path) == 0 else {
            unlink(temporary.path)
            return
        }
    }
}
