import BulletinEngine
import BulletinModel
import Foundation

/// Builds on a thread of its own, one build at a time: saves that come during a build are
/// gathered into one build after it.
final class Rebuilds: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending = false
    private var stopping = false
    private var running = false
    private let build: @Sendable (_ stopRequested: @escaping @Sendable () -> Bool) -> Void

    /// `build` is given a question it asks before each file it writes: whether to stop.
    init(_ build: @escaping @Sendable (_ stopRequested: @escaping @Sendable () -> Bool) -> Void) {
        self.build = build
        let thread = Thread { [self] in loop() }
        thread.name = "bulletin builds"
        thread.start()
    }

    func request() {
        condition.withLock {
            pending = true
            condition.signal()
        }
    }

    /// Asks a running build to stop before its next file (the output keeps the tree before it)
    /// and waits until it has.
    func stop() {
        condition.withLock {
            stopping = true
            condition.broadcast()
            while running { condition.wait() }
        }
    }

    private var stopRequested: Bool { condition.withLock { stopping } }

    private func loop() {
        while true {
            condition.lock()
            while !pending && !stopping { condition.wait() }
            if stopping {
                condition.unlock()
                return
            }
            (pending, running) = (false, true)
            condition.unlock()
            build { [self] in stopRequested }
            condition.withLock {
                running = false
                condition.broadcast()
            }
        }
    }
}
