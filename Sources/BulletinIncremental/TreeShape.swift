import BulletinContent
import BulletinModel
import BulletinOutput
import BulletinRender
import BulletinSite
import BulletinSupport

extension BuildCache {
    /// The folders below a tree's root that its files lie in, worked out once from a path list
    /// and kept with it. Checking a tree stats every folder (a file added to one changes only
    /// the folder's stamp), and a build stats again the folders it wrote in, found by number
    /// rather than through a table of every folder's name made on every build.
    /// A folder is named by a file below it and the length of the folder's part of its path, so
    /// the shape keeps no names of its own.
    public struct TreeShape: Sendable {
        /// Per file, the folder it lies in; -1 for the root.
        public let fileFolder: [Int32]
        /// Per folder, the folder it lies in (-1 for the root); every folder comes after its own.
        public let parent: [Int32]
        /// Per folder, a file below it whose path begins with the folder's path…
        public let source: [Int32]
        /// …and that path's length in bytes.
        public let length: [Int32]

        public static let empty = TreeShape(fileFolder: [], parent: [], source: [], length: [])

        public var folderCount: Int { parent.count }

        private init(fileFolder: [Int32], parent: [Int32], source: [Int32], length: [Int32]) {
            (self.fileFolder, self.parent, self.source, self.length) = (fileFolder, parent, source, length)
        }

        public init(_ paths: [String]) {
            var numbers: [Substring: Int32] = [:]
            var (parent, source, length): ([Int32], [Int32], [Int32]) = ([], [], [])
            func number(of folder: Substring, below file: Int) -> Int32 {
                guard !folder.isEmpty else { return -1 }
                if let known = numbers[folder] { return known }
                let up = number(of: Self.folder(of: folder), below: file)
                let new = Int32(parent.count)
                parent.append(up)
                source.append(Int32(file))
                length.append(Int32(folder.utf8.count))
                numbers[folder] = new
                return new
            }
            let fileFolder = paths.indices.map { number(of: Self.folder(of: paths[$0][...]), below: $0) }
            self.init(fileFolder: fileFolder, parent: parent, source: source, length: length)
        }

        private static func folder(of path: Substring) -> Substring {
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
            return path[..<slash]
        }

        /// Marks, by number, the folders `files` lie in and every folder above them.
        public func folders(holding files: some Sequence<Int>) -> [Bool] {
            var marked = [Bool](repeating: false, count: folderCount)
            for file in files {
                var folder = Int(fileFolder[file])
                while folder >= 0, !marked[folder] {
                    marked[folder] = true
                    folder = Int(parent[folder])
                }
            }
            return marked
        }

        /// Every file and folder as a place (a file's number, or the file count plus a folder's),
        /// each folder just before the first file below it: a folder's entry is then fresh in
        /// the kernel's caches when the files in it are looked up.
        public func placesFoldersFirst() -> [Int] {
            let count = fileFolder.count
            var placed = [Bool](repeating: false, count: folderCount)
            var (places, above): ([Int], [Int]) = ([], [])
            places.reserveCapacity(count + folderCount)
            for file in 0..<count {
                var folder = Int(fileFolder[file])
                while folder >= 0, !placed[folder] {
                    placed[folder] = true
                    above.append(folder)
                    folder = Int(parent[folder])
                }
                places += above.reversed().lazy.map { count + $0 }
                above.removeAll(keepingCapacity: true)
                places.append(file)
            }
            return places
        }

        /// Every folder's path, by number; needed only when two builds' pages differ.
        public func folderNames(of paths: PathList) -> [String] {
            paths.withBytes { bytes in
                let ranges = PathList.ranges(in: bytes, count: paths.count)
                return parent.indices.map { folder in
                    let file = ranges[Int(source[folder])]
                    return String(decoding: bytes[file.lowerBound..<min(file.lowerBound + Int(length[folder]), file.upperBound)], as: UTF8.self)
                }
            }
        }

        /// As fixed-width numbers, one array after another: read on every build, they are
        /// loaded where they lie rather than decoded one by one.
        public func write(to w: inout BinaryWriter) {
            w.int(parent.count)
            for numbers in [fileFolder, parent, source, length] { numbers.withUnsafeBytes { w.append($0) } }
        }

        /// A shape that does not fit `paths` (numbers out of range, a folder before its own)
        /// is damage, like any other.
        public init(from r: inout BinaryReader, paths: PathList) throws(BinaryReader.Damaged) {
            let folders = try r.count()
            func numbers(_ count: Int) throws(BinaryReader.Damaged) -> [Int32] {
                let bytes = UnsafeRawBufferPointer(r.storage[buffer: try r.skip(count * 4)])
                return (0..<count).map { bytes.loadUnaligned(fromByteOffset: $0 * 4, as: Int32.self) }
            }
            let (fileFolder, parent, source, length) = (try numbers(paths.count), try numbers(folders), try numbers(folders), try numbers(folders))
            guard fileFolder.allSatisfy({ $0 >= -1 && $0 < folders }),
                  parent.indices.allSatisfy({ parent[$0] >= -1 && parent[$0] < $0 && source[$0] >= 0 && source[$0] < paths.count && length[$0] > 0 })
            else { throw BinaryReader.Damaged() }
            self.init(fileFolder: fileFolder, parent: parent, source: source, length: length)
        }
    }
}
