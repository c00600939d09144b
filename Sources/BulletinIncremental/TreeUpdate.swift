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
    public let output: OutputFolder
    public let paths: [String]
    /// The same paths, as the manifest keeps them.
    public let pathList: BuildCache.PathList
    public let fingerprints: [Digest]
    /// Manifests of the trees the cache knows; a tree it does not know is written whole.
    public let known: [TreeIdentity: BuildCache.Manifest]

    public enum Work: Sendable { case keep, copy, render }

    public struct Plan {
        /// The output's identity and manifest when the cache knows them.
        public let current: (TreeIdentity, BuildCache.Manifest)?
        public var work: [Work] = []
        public var unchanged: Bool
        /// The spare was made empty for this build: no file in it needs removing before it is written.
        public var spareWasEmpty = false
        /// The spare's manifest and what checking it found; nil for a spare written whole.
        public var spare: (manifest: BuildCache.Manifest, check: TreeCheck)?
        /// Per file of the output, whether it is as the cache recorded it: known when this build
        /// checked the output whole, else only the files it links from are checked.
        public var outputFiles: [Bool]?
        /// This build's paths' places in the spare's and the output's manifests.
        public var inSpare: BuildCache.Manifest.Aligned?
        public var inOutput: BuildCache.Manifest.Aligned?
        /// Paths removed from the spare because this build has no such page.
        public var removed: [String] = []
        /// What the checks found, a line for each tree.
        public var found: [String] = []
    }

    /// `checked`: what an earlier check in this build found in the output (see `Builder.unchanged`).
    public func plan(checked: OutputCheck?) -> Plan {
        let current = TreeIdentity(of: output.target).flatMap { id in known[id].map { (id, $0) } }
        var plan = Plan(current: current, unchanged: current?.1.hasSamePages(pathList, fingerprints) ?? false)
        if let checked, let current, checked.tree == current.0 { plan.outputFiles = checked.files }
        return plan
    }

    /// Makes the spare ready to receive this build and says, per path, what to do. Nothing in
    /// the spare is trusted unchecked: every file and folder is compared with the stamp the
    /// build that wrote it recorded, a file that differs is written again, and what no build
    /// put there is removed.
    /// `early`: a check of the spare made before the build lock was taken, against these
    /// manifests; it stands if the spare still has the identity it had then.
    public func prepareSpare(_ plan: inout Plan, early: CheckedTree? = nil) throws -> URL {
        let spare = output.spareFolder
        let fm = FileManager()
        var spareManifest: BuildCache.Manifest
        let identity = TreeIdentity(of: spare)
        if let identity, let known = known[identity] {
            spareManifest = known
            let check = early?.tree == identity ? early!.check : TreeCheck(of: spare, known)
            TreeCheck.remove(check.strays, below: spare)
            plan.spare = (known, check)
        } else if identity != nil {
            // A tree of ours whose contents the cache does not vouch for: every file is rewritten.
            let (files, folders) = Self.contents(of: spare)
            let wanted = Set(paths.flatMap { Self.folders(above: $0) })
            // Deepest first: a folder's own stray folders go before it.
            for folder in folders.reversed() where !wanted.contains(folder) { try? fm.removeItem(at: spare.appendingPathComponent(folder)) }
            spareManifest = BuildCache.Manifest(paths: BuildCache.PathList(files), fingerprints: files.map { _ in Digest(high: 0, low: 0) },
                                                shape: .empty, stamps: [], folderStamps: [])
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
                plan.removed.append(path)
            }
        }
        let inSpare = spareManifest.places(alignedWith: pathList)
        let inOutput = plan.current?.1.places(alignedWith: pathList)
        let (spareFiles, outputFiles) = (plan.spare?.check.files, plan.outputFiles)
        let (inSpareFingerprints, inOutputFingerprints) = (spareManifest.fingerprints, plan.current?.1.fingerprints ?? [])
        var damaged = 0
        plan.work = fingerprints.indices.map { place in
            let fingerprint = fingerprints[place]
            if let index = inSpare[place], inSpareFingerprints[index] == fingerprint {
                if spareFiles?[index] == true { return .keep }
                damaged += 1
            }
            if let index = inOutput?[place], inOutputFingerprints[index] == fingerprint, outputFiles?[index] != false { return .copy }
            return .render
        }
        (plan.inSpare, plan.inOutput) = (inSpare, inOutput)
        if let line = TreeCheck.report(changed: damaged, added: plan.spare?.check.strays.count ?? 0, in: "the spare tree") { plan.found.append(line) }
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

    /// Checks the output's files the spare is to link to, unless the output was checked whole:
    /// a file changed since the last build is rendered instead.
    public func checkSources(_ plan: inout Plan) {
        guard plan.outputFiles == nil, let current = plan.current?.1, let inOutput = plan.inOutput else { return }
        let sources = plan.work.indices.filter { plan.work[$0] == .copy }
        guard !sources.isEmpty else { return }
        let places = sources.map { inOutput[$0]! }
        let now = current.stampsNow(below: output.target.path, places: places)
        var changed = 0
        for (index, source) in sources.enumerated() where now[index] == TreeStamp.unknown || now[index] != current.stamps[places[index]] {
            plan.work[source] = .render
            changed += 1
        }
        if let line = TreeCheck.report(changed: changed, added: 0, in: "the output") { plan.found.append(line) }
    }

    /// Creates folders level by level, each level on every core: creating thousands of
    /// folders is kernel work that one core would do alone.
    public static func makeFolders(_ folders: Set<String>, in root: String) throws {
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

    /// Every file and every folder below `folder`, as relative paths (each folder before what it
    /// holds), the marker left out.
    public static func contents(of folder: URL) -> (files: [String], folders: [String]) {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return ([], []) }
        var found: (files: [String], folders: [String]) = ([], [])
        while let path = walker.nextObject() as? String {
            if walker.fileAttributes?[.type] as? FileAttributeType == .typeDirectory {
                found.folders.append(path)
            } else if path != OutputFolder.marker {
                found.files.append(path)
            }
        }
        return found
    }

    /// The folders a site path lies in, deepest first.
    public static func folders(above path: String) -> [String] {
        var found: [String] = []
        var folder = folder(of: path)
        while !folder.isEmpty {
            found.append(folder)
            folder = Self.folder(of: folder)
        }
        return found
    }

    private static func removeEmptyFolders(above path: String, in root: URL) {
        var parent = folder(of: path)
        while !parent.isEmpty, rmdir(root.appendingPathComponent(parent).path) == 0 {
            parent = folder(of: parent)
        }
    }

    /// The folder part of a site path ("" at the top), found by its last `/`: Foundation's
    /// `deletingLastPathComponent` goes through `NSString` on Linux, far slower.
    public static func folder(of path: String) -> String {
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

/// A check of a tree made while the rest of the build goes on, before the build lock is
/// taken. It stands only for the cache it was made against (a build that finished meanwhile
/// wrote a new one) and while the tree keeps its identity (a build writes a new marker before
/// it changes anything in a tree).
public struct CheckedTree: Sendable {
    public let tree: TreeIdentity
    public let check: TreeCheck

    /// The tree at `root` checked against `cache`'s manifest of it; nil for a tree the cache
    /// does not know, which is written whole anyway.
    public init?(_ root: URL, in cache: BuildCache) {
        guard let tree = TreeIdentity(of: root), let manifest = cache.trees[tree] else { return nil }
        (self.tree, self.check) = (tree, TreeCheck(of: root, manifest))
    }
}

/// What a check of the output whole found, in the tree it checked.
public struct OutputCheck: Sendable {
    public let tree: TreeIdentity
    public let files: [Bool]

    public init(tree: TreeIdentity, files: [Bool]) {
        self.tree = tree
        self.files = files
    }
}
