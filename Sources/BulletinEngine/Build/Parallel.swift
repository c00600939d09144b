import Foundation

/// Runs independent work on every core and keeps results in input order, so output never
/// depends on scheduling.
enum Parallel {
    static func map<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let slots = Slots<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.set(index, transform(items[index]))
        }
        return slots.values()
    }
}

/// Each index is written by exactly one iteration, so no lock is needed.
private final class Slots<R>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<R?>
    private var movedOut = false
    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }
    deinit {
        if !movedOut { storage.deinitialize() }
        storage.deallocate()
    }
    /// Taken, not borrowed: a result stored from a borrowed value was copied, a retain of
    /// everything in it, and the value then released.
    func set(_ index: Int, _ value: consuming R) { storage[index] = consume value }

    /// The results, moved out rather than copied: a copy retained every reference in every
    /// result, and freeing the slots released them all again.
    func values() -> [R] {
        movedOut = true
        return storage.indices.map { storage.moveElement(from: $0)! }
    }
}

/// A value worked out on another thread while this one goes on; `value` waits for it.
final class Background<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: T?

    init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    /// Waits until the work is done. Any thread may ask, any number of times: each caller
    /// passes the signal on, so the work's end is a latch that stays open.
    var value: T {
        done.wait()
        done.signal()
        return result!
    }
}
