import Foundation
import Testing
@testable import BulletinSupport

/// Digests key the build cache on disk: they must be XXH3-128 of the framed values on every
/// machine and in every build, however the builder gathered them.
@Suite("Digests")
struct DigestTests {
    /// XXH3-128 as published (the empty input's value is xxHash's own test vector), over values
    /// framed as `DigestBuilder` documents.
    @Test func theDigestsAreXXH3OfTheFramedValues() {
        #expect(StreamDigest().finish() == Digest(high: 0x99AA_06D3_0147_98D8, low: 0x6001_C324_468D_497F))
        let abc = Array("abc".utf8).withUnsafeBytes { DigestBuilder.of(bytes: $0) }
        #expect(abc == Digest(high: 0x45BC_DC88_EFFF_D445, low: 0x20B9_86A5_E7FE_1438))
        var builder = DigestBuilder("page")
        builder.add(7)
        builder.add(true)
        builder.add(nil as String?)
        #expect(builder.finish() == Digest(high: 0xEBF6_D294_C38C_B991, low: 0x049A_D294_8193_4B81))
    }

    @Test func valuesAreFramed() {
        func digest(_ values: [String?]) -> Digest {
            var builder = DigestBuilder()
            for value in values { builder.add(value) }
            return builder.finish()
        }
        #expect(digest(["ab", "c"]) != digest(["a", "bc"]))
        #expect(digest([nil]) != digest([""]))
        #expect(digest(["", ""]) != digest([""]))
        var flag = DigestBuilder(), number = DigestBuilder()
        flag.add(false)
        number.add(0)
        #expect(flag.finish() != number.finish())
    }

    /// Values that overflow the builder's buffer go through a streaming state: the digest is
    /// still that of all the framed bytes in one run, whatever the sizes and the order.
    @Test func aFullBufferChangesNothing() {
        var generator = SeededGenerator(seed: 17)
        for _ in 0..<300 {
            var builder = DigestBuilder(), framed = StreamDigest()
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                let length = [0, 1, 7, 8, 100, 248, 249, 256, 257, 1_000].randomElement(using: &generator)!
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                let word = UInt64.random(in: 0...UInt64.max, using: &generator)
                bytes.withUnsafeBytes { builder.add(bytes: $0) }
                builder.add(word)
                framed.add(withUnsafeBytes(of: UInt64(length).littleEndian) { Array($0) } + bytes)
                framed.add(withUnsafeBytes(of: word.littleEndian) { Array($0) })
            }
            #expect(builder.finish() == framed.finish())
        }
    }

    /// A copied builder goes on on its own, also once its values have gone to a stream.
    @Test func aCopiedBuilderIsItsOwn() {
        func values(_ builder: inout DigestBuilder, _ range: Range<Int>) { for index in range { builder.add(index) } }
        var original = DigestBuilder()
        values(&original, 0..<100)
        let before = original.finish()
        var copy = original
        values(&copy, 100..<200)
        #expect(original.finish() == before)
        values(&original, 300..<400)
        var again = DigestBuilder()
        values(&again, 0..<200)
        #expect(copy.finish() == again.finish())
        #expect(original.finish() != copy.finish())
    }
}
