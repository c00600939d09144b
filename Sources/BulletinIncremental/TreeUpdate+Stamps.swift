import BulletinContent
import BulletinModel
import BulletinOutput
import BulletinRender
import BulletinSite
import BulletinSupport
import Foundation

/// What the next cache records of the two trees: every file's and folder's stamp as this build
/// leaves it (`TreeStamp`), for the next build to check before it trusts them. Most of it is
/// known before the pages are written, and is written to the cache while they are; the stamps
/// of what the build writes are learned as it writes and follow as patches.
extension TreeUpdate {
    /// What writing one file taught.
    public struct Written: Sendable {
        public var stamp = TreeStamp.unknown
        /// The output's file at the same path, stamped again where the build changed its change
        /// time (by linking to it, or removing the spare's name for it); nil where it did not.
        public var outputStamp: UInt64?

        public init() {}
    }

    /// The built tree's manifest before its files are written, and the places to learn after.
    public struct Stamping: Sendable {
        public let built: BuildCache.Manifest
        /// Folders of the built tree to stamp once the files are written.
        public let folders: [Int]
        public let inOutput: BuildCache.Manifest.Aligned?
    }

    /// Files the build keeps take the stamps the check found; so do folders it neither writes
    /// in, makes, nor removes a file from.
    public func stamping(_ plan: Plan) -> Stamping {
        let work = plan.work
        let shape: BuildCache.TreeShape
        if let spare = plan.spare?.manifest, spare.paths == pathList {
            shape = spare.shape
        } else if let current = plan.current?.1, current.paths == pathList {
            shape = current.shape
        } else {
            shape = BuildCache.TreeShape(paths)
        }
        var stamps = [UInt64](repeating: TreeStamp.unknown, count: paths.count)
        var folderStamps = [UInt64](repeating: TreeStamp.unknown, count: shape.folderCount)
        if let (spare, check) = plan.spare, let inSpare = plan.inSpare {
            for place in work.indices where work[place] == .keep { stamps[place] = spare.stamps[inSpare[place]!] }
            let touched = shape.folders(holding: work.indices.lazy.filter { work[$0] != .keep })
            if spare.paths == pathList {
                for folder in 0..<shape.folderCount where !touched[folder] && check.folders[folder] {
                    folderStamps[folder] = spare.folderStamps[folder]
                }
            } else {
                let names = shape.folderNames(of: pathList)
                let inSpareFolders = Dictionary(zip(spare.shape.folderNames(of: spare.paths), 0...), uniquingKeysWith: { first, _ in first })
                let emptied = Set(plan.removed.flatMap { Self.folders(above: $0) })
                for folder in 0..<shape.folderCount where !touched[folder] && !emptied.contains(names[folder]) {
                    if let index = inSpareFolders[names[folder]], check.folders[index] { folderStamps[folder] = spare.folderStamps[index] }
                }
            }
        }
        let built = BuildCache.Manifest(paths: pathList, fingerprints: fingerprints, shape: shape, stamps: stamps, folderStamps: folderStamps)
        return Stamping(built: built, folders: folderStamps.indices.filter { folderStamps[$0] == TreeStamp.unknown }, inOutput: plan.inOutput)
    }

    /// For each of `written`, the output's recorded stamp of the same path where the spare's
    /// file there is the output's file too (one inode under two names: their stamps are the
    /// same), else nil.
    public func sharedFiles(_ plan: Plan, written: [Int]) -> [UInt64?] {
        guard let spare = plan.spare?.manifest, let inSpare = plan.inSpare, let current = plan.current?.1, let inOutput = plan.inOutput,
              !plan.spareWasEmpty else { return written.map { _ in nil } }
        return written.map { place in
            guard let index = inSpare[place], let outputIndex = inOutput[place] else { return nil }
            let recorded = current.stamps[outputIndex]
            return recorded != TreeStamp.unknown && recorded == spare.stamps[index] ? recorded : nil
        }
    }

    /// The stamps learned by writing, as patches to the manifests written before (`built` and
    /// `current`: the trees' places among those written), and the touched folders' stamps,
    /// taken now that every file is in place.
    public func patches(_ stamping: Stamping, written: [Int], results: [Written], in spare: URL, built: Int?, current: Int?) -> [BuildCache.StampPatch] {
        var patches: [BuildCache.StampPatch] = []
        if let current, let inOutput = stamping.inOutput {
            for (place, result) in zip(written, results) {
                if let word = result.outputStamp, let index = inOutput[place] { patches.append(.init(tree: current, place: index, word: word)) }
            }
        }
        guard let built else { return patches }
        patches.reserveCapacity(patches.count + written.count + stamping.folders.count)
        for (place, result) in zip(written, results) { patches.append(.init(tree: built, place: place, word: result.stamp)) }
        let count = stamping.built.count
        let now = stamping.built.stampsNow(below: spare.path, places: stamping.folders.map { count + $0 })
        for (folder, word) in zip(stamping.folders, now) { patches.append(.init(tree: built, place: count + folder, word: word)) }
        return patches
    }
}
