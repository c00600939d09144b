import BulletinContent
import BulletinModel
import BulletinOutput
import BulletinRender
import BulletinSite
import BulletinSupport
import Foundation

/// Writes a build as the difference from what is already on disk. Two trees take turns:
/// the output, and a spare beside it holding an earlier build. The spare is brought up to
/// date (only files whose fingerprint differs are written; files unchanged since the output
/// was written are copied from it) and then exchanged with the output in one rename, so the
/// output is always one complete site. A build that changes nothing writes nothing.
public struct TreeUpdate {
    let output: OutputFolder
    let paths: [String]
    /// The same paths, as the manifest keeps them.
    let pathList: BuildCache.PathList
    let fingerprints: [Digest]
    /// Manifests of the trees the cache knows; a tree it does not know is written whole.
    let known: [TreeIdentity: BuildCache.Manifest]

    public enum Work: Sendable { case keep, copy, render }

    public struct Plan {
        public let manifest: BuildCache.Manifest
        /// The output's identity and manifest when the cache knows them.
        public let current: (TreeIdentity, BuildCache.Manifest)?
        public var work: [Work]
        public var unchanged: Bool
        /// The spare was made empty for this build: no file in it needs removing before it is written.
        public var spareWasEmpty = false
    }

    public func plan() -> Plan {
        let manifest = BuildCache.Manifest(paths: pathList, fingerprints: fingerprints)
        let current = TreeIdentity(of: output.target).flatMap { id in known[id].map { (id, $0) } }
        let unchanged = current?.1 == manifest
        return Plan(manifest: manifest, current: current, work: [], unchanged: unchanged)
    }

    /// Makes the spare ready to receive this build and says, per path, what to do.
    public func prepareSpare(_ plan: inout Plan) throws -> URL {
        let spare = output.spareFolder
        let fm = FileManager()
        var spareManifest: BuildCache.Manifest
        let identity = TreeIdentity(of: spare)
        if let identity, let known = known[identity] {
            spareManifest = known
        } else if identity != nil {
            // A tree of ours whose contents the cache does not vouch for: every file is rewritten.
            let files = Self.files(in: spare)
            spareManifest = BuildCache.Manifest(paths: BuildCache.PathList(files), fingerprints: files.map { _ in Digest(high: 0, low: 0) })
        } else {
            try? fm.removeItem(at: spare)
            try output.makeEmptySpare()
            spareManifest = .empty
            plan.spareWasEmpty = true
        }
        // A new marker gives the spare a new identity before anything in it changes, so a
        // build killed halfway leaves a spare the next build will not trust.
        try OutputFolder.writeMarker(in: spare)
        if spareManifest.paths != pathList {
            let wanted = Set(paths)
            for path in spareManifest.paths.paths where !wanted.contains(path) {
                unlink(spare.appendingPathComponent(path).path)
                Self.removeEmptyFolders(above: path, in: spare)
            }
        }
        let inSpare = spareManifest.fingerprints(alignedWith: pathList)
        let inOutput = plan.current?.1.fingerprints(alignedWith: pathList)
        plan.work = fingerprints.indices.map { index in
            let fingerprint = fingerprints[index]
            if inSpare[index] == fingerprint { return .keep }
            if inOutput?[index] == fingerprint { return .copy }
            return .render
        }
        var folders = Set<String>()
        for (index, path) in paths.enumerated() where plan.work[index] != .keep {
            var folder = Self.folder(of: path)
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = Self.folder(of: folder)
            }
        }
        try Self.makeFolders(folders, in: spare.path)
        return spare
    }

    /// Creates folders level by level, each level on every core: creating thousands of
    /// folders is kernel work that one core would do alone.
    static func makeFolders(_ folders: Set<String>, in root: String) throws {
        let byDepth = Dictionary(grouping: folders) { $0.utf8.count(where: { $0 == UInt8(ascii: "/") }) }
        for depth in byDepth.keys.sorted() {
            let failures = Parallel.map(byDepth[depth]!) { folder -> Int32 in
                mkdir(root + "/" + folder, 0o755) == 0 || errno == EEXIST ? 0 : errno
            }
            if let code = failures.first(where: { $0 != 0 }) { throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO) }
        }
    }

    /// Swaps the finished spare in; the old output becomes the spare.
    public func commit(_ spare: URL) throws {
        guard FileManager.default.fileExists(atPath: output.target.path) else {
            try FileManager.default.moveItem(at: spare, to: output.target)
            return
        }
        if AtomicExchange.exchange(spare.path, output.target.path) { return }
        let previous = output.spareFolder.deletingLastPathComponent().appendingPathComponent("previous")
        try FileManager.default.moveItem(at: output.target, to: previous)
        do { try FileManager.default.moveItem(at: spare, to: output.target) } catch {
            try? FileManager.default.moveItem(at: previous, to: output.target)
            throw error
        }
        try FileManager.default.moveItem(at: previous, to: spare)
    }

    /// Every file below `folder`, as relative paths, the marker left out.
    static func files(in folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var found: [String] = []
        while let path = walker.nextObject() as? String {
            if walker.fileAttributes?[.type] as? FileAttributeType != .typeDirectory, path != OutputFolder.marker {
                found.append(path)
            }
        }
        return found
    }

    private static func removeEmptyFolders(above path: String, in root: URL) {
        var parent = folder(of: path)
        while !parent.isEmpty, rmdir(root.appendingPathComponent(parent).path) == 0 {
            parent = folder(of: parent)
        }
    }

    /// The folder part of a site path ("" at the top). `NSString.deletingLastPathComponent`
    /// did the same in some 26,000 instructions a call on Linux.
    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    public init(output: OutputFolder, paths: [String], pathList: BuildCache.PathList, fingerprints: [Digest], known: [TreeIdentity: BuildCache.Manifest]) {
        self.output = output
        self.paths = paths
        self.pathList = pathList
        self.fingerprints = fingerprints
        self.known = known
    }
}
