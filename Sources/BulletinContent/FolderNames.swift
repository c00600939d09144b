import BulletinModel
import BulletinSupport
import Foundation

/// Lists a folder with `opendir` and `readdir`: Foundation's listing does several times the
/// work a name, which every build pays for every folder it reads.
public enum FolderNames {
    /// Every name in the folder but `.` and `..`, in the file system's order; none when it
    /// cannot be opened. A name that is not UTF-8 comes back with U+FFFD in place of the bad bytes.
    public static func list(_ folder: URL) -> [String] {
        guard let stream = opendir(folder.path) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { field in
                field.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: field.pointee)) { String(cString: $0) }
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }
}
