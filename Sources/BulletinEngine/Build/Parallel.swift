import Foundation

/// Runs independent work on every core and keeps results in input order, so output never
/// depends on scheduling.
enum Parallel {
    /// Each result is made in its place in the array returned: gathering them in slots first
    /// and then moving them into an array took the memory twice, fresh pages each time.
    static func map<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        Array(unsafeUninitializedCapacity: items.count) { buffer, initialized in
            let slots = Slots(buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                slots.initialize(index, to: transform(items[index]))
            }
            initialized = items.count
        }
    }
}

/// The array's memory while its elements are made: each index is written by exactly one
/// iteration, so no lock is needed.
private struct Slots<R>: @unchecked Sendable {
    let base: UnsafeMutablePointer<R>?
    init(_ base: UnsafeMutablePointer<R>?) { self.base = base }

    /// Taken, not borrowed: a result stored from a borrowed value was copied, a retain of
    /// everything in it, and the value then released.
    func initialize(_ index: Int, to value: consuming R) { (base! + index).initialize(to: value) }
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
