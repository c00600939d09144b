import BulletinModel
import Foundation
import Synchronization

/// What the server shows: the site folder the builds write into, and, while the content does
/// not build, the error page every page is replaced by.
final class PreviewState: Sendable {
    /// The folder served, as a real path (links resolved): a file is served only if its real
    /// path lies below it. The builds swap a new tree in under the same name, so a request
    /// reads the tree before a build or the tree after it.
    let root: String
    private let failure = Mutex<[UInt8]?>(nil)

    init(root: String) { self.root = root }

    /// The error page, when the last build failed.
    var errorPage: [UInt8]? { failure.withLock { $0 } }

    func built() { failure.withLock { $0 = nil } }
    func failed(_ page: [UInt8]) { failure.withLock { $0 = page } }
}
