import BulletinModel
import BulletinSupport
import Foundation

/// Turns a file's bytes into text the parsers can trust: UTF-8, no BOM, `\n` line ends.
enum TextDecoding {
    enum Failure: Error {
        case invalidUTF8(line: Int, column: Int)
        case nulByte(line: Int, column: Int)
        case utf16
    }

    static func decode(_ data: Data) throws(Failure) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { throw .utf16 }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let nul = firstOffset(of: 0, in: bytes) {
            let (line, column) = position(of: nul, in: bytes)
            throw .nulByte(line: line, column: column)
        }
        let hasCarriageReturn = firstOffset(of: 13, in: bytes) != nil
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidOffset(bytes)
            let (line, column) = position(of: bad, in: bytes)
            throw .invalidUTF8(line: line, column: column)
        }
        guard hasCarriageReturn else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// Every file is searched twice; a byte-by-byte loop was a fifth of decoding.
    private static func firstOffset(of byte: UInt8, in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { $0.firstOffset(of: byte) }
    }

    private static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, lineStart = 0
        for i in 0..<offset where bytes[i] == 10 || (bytes[i] == 13 && (i + 1 == bytes.count || bytes[i + 1] != 10)) {
            line += 1
            lineStart = i + 1
        }
        let column = (String(decoding: bytes[lineStart..<offset], as: UTF8.self)).count + 1
        return (line, column)
    }

    private static func firstInvalidOffset(_ bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput, .error: return offset
            }
        }
    }
}
