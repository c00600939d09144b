import Foundation
import Testing
@testable import BulletinEngine

/// The build cache keeps parsed records in its own byte format; nothing may be lost on the way.
@Suite("Build cache format")
struct CacheCodingTests {
    /// Every record of the sample site and the fixtures, written and read back, is the same record.
    @Test func everySampleRecordSurvivesTheCache() throws {
        var records: [Record] = []
        for content in [Repo.root.appendingPathComponent("Content"), Repo.fixtures.appendingPathComponent("en-site"),
                        Repo.fixtures.appendingPathComponent("zh-site")] {
            var scanner = ContentScanner(root: content)
            let inventory = scanner.scan()
            let reader = DocumentReader(labels: try #require(Theme.load(from: Repo.templates, language: "en").0).strings.values)
            records += inventory.records.compactMap { RecordParser(reader: reader).parse($0, sink: DiagnosticSink()) }
        }
        #expect(records.count > 80)
        let kinds = Set(records.map(\.kind))
        #expect(kinds.count == RecordKind.allCases.count)
        for record in records {
            var writer = BinaryWriter()
            record.write(to: &writer)
            var reader = BinaryReader(writer.bytes)
            var expected = record
            expected.body = ""
            #expect(try Record(from: &reader) == expected, "\(record.sourcePath)")
            #expect(reader.atEnd)
        }
    }

    @Test func aCacheFromAnotherFormatOrProgramIsIgnored() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("state")
        var cache = BuildCache.empty()
        cache.files["/x"] = BuildCache.FileDigest(stamp: FileStamp(size: 1, modified: 2, changed: 3, inode: 4, device: 5),
                                                  digest: Digest(high: 6, low: 7))
        try cache.save(to: file)
        #expect(BuildCache.load(from: file).files.count == 1)
        var bytes = try Data(contentsOf: file)
        bytes[30] ^= 1  // inside the engine digest
        try bytes.write(to: file)
        #expect(BuildCache.load(from: file).files.isEmpty)
        try Data((0..<200).map { UInt8($0) }).write(to: file)
        #expect(BuildCache.load(from: file).files.isEmpty)
    }

    /// Records read from a cache are written back from the bytes they were read from; what is
    /// read after that must still be every record as it was parsed.
    @Test func recordsWrittenBackUnchangedReadTheSame() throws {
        var scanner = ContentScanner(root: Repo.fixtures.appendingPathComponent("en-site"))
        let inventory = scanner.scan()
        let reader = DocumentReader(labels: try #require(Theme.load(from: Repo.templates, language: "en").0).strings.values)
        var original = BuildCache.empty()
        for (index, source) in inventory.records.enumerated() {
            guard let record = RecordParser(reader: reader).parse(source, sink: DiagnosticSink()) else { continue }
            let warning = Diagnostic(.warning, path: record.sourcePath, field: "title", message: "warning \(index)")
            original.records[Digest(high: UInt64(index), low: 1)] = BuildCache.ParsedRecord(
                record: record, warnings: [warning], bodyProblems: [], summary: index.isMultiple(of: 2) ? "summary \(index)" : nil)
        }
        #expect(original.records.count > 8)
        let folder = try TemporaryFolder()
        let first = folder.url.appendingPathComponent("first"), second = folder.url.appendingPathComponent("second")
        try original.save(to: first)
        let loaded = BuildCache.load(from: first)
        #expect(loaded.records.values.allSatisfy { $0.stored != nil })
        try loaded.save(to: second)
        let again = BuildCache.load(from: second)
        #expect(again.records.count == original.records.count)
        for (key, entry) in original.records {
            let read = try #require(again.records[key])
            var expected = entry.record
            expected.body = ""
            #expect(read.record == expected)
            #expect(read.warnings == entry.warnings)
            #expect(read.summary == entry.summary)
        }
    }
}
