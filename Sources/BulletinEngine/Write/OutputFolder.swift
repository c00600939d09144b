import Foundation

/// The output folder, replaced whole: pages are written into a staging folder beside it, and
/// only a complete build is swapped in. A failed build leaves the previous site as it was.
struct OutputFolder {
    /// Written into every output, so the build never deletes a folder it did not make.
    static let marker = ".bulletin-output"
    let target: URL
    private let fileManager = FileManager()

    init(_ target: URL) { self.target = target.standardizedFileURL }

    /// Refuses outputs that would overwrite the sources or a folder that is not ours.
    func checkSafe(content: URL, templates: URL) -> Diagnostic? {
        let out = target.resolvingSymlinksInPath().path
        for (name, source) in [("content", content), ("templates", templates)] {
            let src = source.standardizedFileURL.resolvingSymlinksInPath().path
            if out == src || out.hasPrefix(src + "/") || src.hasPrefix(out + "/") {
                return Diagnostic(path: target.path, message: "the output folder overlaps the \(name) folder \(src); choose a separate folder such as Public/")
            }
        }
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return nil }
        let entries = (try? fileManager.contentsOfDirectory(atPath: target.path)) ?? []
        if !isDirectory.boolValue || (!entries.isEmpty && !entries.contains(Self.marker)) {
            return Diagnostic(path: target.path, message: "this folder exists and was not made by bulletin (no \(Self.marker) file), so it will not be replaced; choose an empty or new output folder")
        }
        return nil
    }

    func makeStaging() throws -> URL {
        let staging = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: staging)
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("This folder is written by bulletin; a build replaces it whole.\n".utf8)
            .write(to: staging.appendingPathComponent(Self.marker))
        return staging
    }

    /// Creates every folder the given files need, once, before files are written in parallel.
    func makeFolders(for paths: [String], in staging: URL) throws {
        var folders = Set<String>()
        for path in paths {
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        for folder in folders.sorted() {
            try fileManager.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
    }

    /// Swaps the staging folder in: two renames, so readers see the old site or the new one.
    func commit(_ staging: URL) throws {
        let previous = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).previous-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: previous)
        if fileManager.fileExists(atPath: target.path) {
            try fileManager.moveItem(at: target, to: previous)
        }
        do {
            try fileManager.moveItem(at: staging, to: target)
        } catch {
            try? fileManager.moveItem(at: previous, to: target)
            throw error
        }
        try? fileManager.removeItem(at: previous)
    }

    func discard(_ staging: URL) {
        try? fileManager.removeItem(at: staging)
    }
}
