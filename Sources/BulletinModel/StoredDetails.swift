import BulletinSupport
import Synchronization

/// A record's details as the build cache holds them, decoded the first time they are read and
/// then kept. A one-edit build reads the details of the few records its pages show; the other
/// ten thousand are only sorted, grouped and linked, which `Record.links` serves.
public final class StoredDetails: Sendable {
    public typealias Decoder = @Sendable (inout BinaryReader) throws(BinaryReader.Damaged) -> RecordDetails
    private let reader: BinaryReader
    private let decode: Decoder
    private let decoded = Mutex<RecordDetails?>(nil)

    /// `reader` reads the details' section of the cache and nothing else; `decode` is the
    /// cache's own coding, which this module does not know.
    public init(_ reader: BinaryReader, decode: @escaping Decoder) { (self.reader, self.decode) = (reader, decode) }

    public var value: RecordDetails {
        decoded.withLock { decoded in
            if let decoded { return decoded }
            var reader = reader
            // The cache was checked against its checksum and this program's digest when it was
            // loaded: these are the bytes this program wrote, so they decode.
            guard let details = try? decode(&reader), reader.atEnd else {
                preconditionFailure("a record's details in the build cache do not decode; remove the .cache folder beside the output")
            }
            decoded = details
            return details
        }
    }
}
