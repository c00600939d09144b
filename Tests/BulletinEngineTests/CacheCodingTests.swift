import Foundation
import Testing
@testable import BulletinContent
@testable import BulletinEngine
@testable import BulletinIncremental
@testable import BulletinModel
@testable import BulletinOutput
@testable import BulletinRender
@testable import BulletinSite
@testable import BulletinSupport

/// The build cache keeps parsed records in its own byte format; nothing may be lost on the way.
@Suite("Build cache format")
struct CacheCodingTests {
    /// Every record of the sample site and the fixtures, written and read back, is the same record.
    @Test func everySampleRecordSurvivesTheCache() throws {
        var records: [(source: RecordSource, record: Record)] = []
        for content in [Repo.root.appendingPathComponent("Content"), Repo.fixtures.appendingPathComponent("en-site"),
                        Repo.fixtures.appendingPathComponent("zh-site")] {
            var scanner = ContentScanner(root: content)
            let inventory = scanner.scan()
            let reader = DocumentReader(labels: try #require(Theme.load(from: Repo.templates, language: "en").0).strings.values)
            records += inventory.records.compactMap { source in
                RecordParser(reader: reader).parse(source, sink: DiagnosticSink()).map { (source, $0) }
            }
        }
        #expect(records.count > 80)
        let kinds = Set(records.map(\.record.kind))
        #expect(kinds.count == RecordKind.allCases.count)
        for (source, record) in records {
            var writer = BinaryWriter()
            record.write(to: &writer)
            var expected = record
            expected.body = ""
            // Read alone, and read for the file it was parsed from (its place is then the file's).
            for origin in [nil, source] {
                var reader = BinaryReader(writer.bytes)
                let read = try Record(from: &reader, provenance: Record.Provenance(source: Digest(high: 1, low: 2), listing: Digest(high: 3, low: 4)), origin: origin)
                #expect(read == expected && read.source == Digest(high: 1, low: 2) && read.listing == Digest(high: 3, low: 4), "\(record.sourcePath)")
                #expect(reader.atEnd)
            }
        }
    }

    /// What lists show of a record, its digest for the pages that list it: every field and
    /// the summary, never the rest of the body.
    @Test func theListingDigestFollowsFieldsAndSummaryNotTheBody() throws {
        let content = Repo.fixtures.appendingPathComponent("en-site")
        var scanner = ContentScanner(root: content)
        let source = try #require(scanner.scan().records.first { $0.kind == .meetings })
        let reader = DocumentReader(labels: try #require(Theme.load(from: Repo.templates, language: "en").0).strings.values)
        let record = try #require(RecordParser(reader: reader).parse(source, sink: DiagnosticSink()))
        let listing = record.listingDigest(summary: "The lift stops.")
        var rewritten = record
        rewritten.body = "Another body altogether."
        #expect(rewritten.listingDigest(summary: "The lift stops.") == listing)
        #expect(record.listingDigest(summary: "The lift stops between floors.") != listing)
        #expect(record.listingDigest(summary: nil) != record.listingDigest(summary: ""))
        var retitled = record
        retitled.title += "!"
        #expect(retitled.listingDigest(summary: "The lift stops.") != listing)
        var retagged = record
        retagged.tags.append("Repairs")
        #expect(retagged.listingDigest(summary: "The lift stops.") != listing)
    }

    /// The theme a build leaves in the cache reads back as it was loaded, and the next build
    /// takes it only for the same strings file and templates.
    @Test func aLoadedThemeSurvivesTheCacheAndIsTakenOnlyWhenItsFilesMatch() throws {
        func bytes(_ theme: Theme.Loaded) -> [UInt8] {
            var w = BinaryWriter()
            theme.strings.write(to: &w)
            theme.compiled.write(to: &w)
            return w.bytes
        }
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("state")
        let english = try #require(Theme.load(from: Repo.templates, language: "en").0)
        #expect(!english.compiled.ranges.isEmpty)
        var cache = BuildCache.empty()
        cache.theme = english.loaded
        try cache.save(to: file)
        let kept = try #require(BuildCache.load(from: file).theme)
        #expect(kept.stringsKey == english.loaded.stringsKey && kept.templatesKey == english.loaded.templatesKey)
        #expect(bytes(kept) == bytes(english.loaded))
        #expect(kept.compiled == english.compiled)
        let (a, b) = (kept.strings, english.strings)
        #expect(a.ui == b.ui && a.fields == b.fields && a.values.groups == b.values.groups && a.months == b.months
                && a.dateFormat == b.dateFormat && a.kinds.mapValues { [$0.one, $0.many] } == b.kinds.mapValues { [$0.one, $0.many] })
        #expect(kept.strings.format(SimpleDate(year: 2024, month: 5, day: 18)) == "18 May 2024")

        let again = try #require(Theme.load(from: Repo.templates, language: "en", previous: kept).0)
        #expect(bytes(again.loaded) == bytes(english.loaded))
        // Another language has another strings file: the kept English words are not taken.
        let chinese = try #require(Theme.load(from: Repo.templates, language: "zh-CN", previous: kept).0)
        #expect(chinese.strings.format(SimpleDate(year: 2024, month: 5, day: 18)) == "2024年5月18日")
        #expect(chinese.strings.text("home") != english.strings.text("home"))
        // Templates compiled for swift-mustache alone are not taken for a compiling build.
        let uncompiled = try #require(Theme.load(from: Repo.templates, language: "en", compiling: false).0)
        #expect(uncompiled.compiled.ranges.isEmpty)
        #expect(!(try #require(Theme.load(from: Repo.templates, language: "en", previous: uncompiled.loaded).0)).compiled.ranges.isEmpty)
    }

    @Test func aCacheFromAnotherFormatOrProgramIsIgnored() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("state")
        var cache = BuildCache.empty()
        cache.files[BuildCache.fileKey("/x")] = BuildCache.FileDigest(stamp: FileStamp(size: 1, modified: 2, changed: 3, inode: 4, device: 5),
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

    /// Records read from a cache are copied from the bytes they were read from when the cache
    /// is saved elsewhere; what is read after that must still be every record as it was parsed.
    @Test func recordsWrittenBackUnchangedReadTheSame() throws {
        var scanner = ContentScanner(root: Repo.fixtures.appendingPathComponent("en-site"))
        let inventory = scanner.scan()
        let reader = DocumentReader(labels: try #require(Theme.load(from: Repo.templates, language: "en").0).strings.values)
        var original = BuildCache.empty()
        for (index, source) in inventory.records.enumerated() {
            guard let record = RecordParser(reader: reader).parse(source, sink: DiagnosticSink()) else { continue }
            let warning = Diagnostic(.warning, path: record.sourcePath, field: "title", message: "warning \(index)")
            original.records[Digest(high: UInt64(index), low: 1)] = ParsedRecord(
                record: record, warnings: [warning], bodyProblems: [], summary: index.isMultiple(of: 2) ? .text("summary \(index)") : nil)
        }
        #expect(original.records.count > 8)
        let folder = try TemporaryFolder()
        let first = folder.url.appendingPathComponent("first"), second = folder.url.appendingPathComponent("second")
        try original.save(to: first)
        let loaded = BuildCache.load(from: first)
        #expect(loaded.records.isEmpty && loaded.storedRecords.count == original.records.count)
        #expect(original.records.keys.allSatisfy { loaded.record($0) != nil })
        try loaded.save(to: second)
        let again = BuildCache.load(from: second)
        #expect(again.recordCount == original.records.count)
        for (key, entry) in original.records {
            let read = try #require(again.record(key))
            var expected = entry.record
            expected.body = ""
            #expect(read.record == expected)
            #expect(read.warnings == entry.warnings)
            #expect(read.summary?.text == entry.summary?.text)
        }
    }

    /// Records parsed since the last build are appended to the records file, which keeps its
    /// inode; it is written afresh once a quarter of it is records no longer kept. Bytes a
    /// failed build appended are passed over, and a damaged records file costs the records only.
    @Test func recordsAreAppendedUntilAQuarterOfTheFileIsNoLongerKept() throws {
        var scanner = ContentScanner(root: Repo.fixtures.appendingPathComponent("en-site"))
        let reader = DocumentReader(labels: try #require(Theme.load(from: Repo.templates, language: "en").0).strings.values)
        let parsed = scanner.scan().records.compactMap { RecordParser(reader: reader).parse($0, sink: DiagnosticSink()) }
        #expect(parsed.count > 8)
        // Long enough that the file passes a megabyte: offsets into it are not bounded by the state's size.
        func summary(_ index: Int) -> String { "summary \(index) " + String(repeating: "words ", count: 12_000) }
        func entry(_ index: Int) -> ParsedRecord {
            ParsedRecord(record: parsed[index % parsed.count], warnings: [], bodyProblems: [], summary: .text(summary(index)))
        }
        func key(_ index: Int) -> Digest { Digest(high: UInt64(index), low: 7) }
        func expectRecords(_ cache: BuildCache, _ indices: Range<Int>, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(cache.recordCount == indices.count, sourceLocation: sourceLocation)
            for index in indices {
                var expected = parsed[index % parsed.count]
                expected.body = ""
                #expect(cache.record(key(index))?.record == expected && cache.record(key(index))?.summary?.text == summary(index),
                        sourceLocation: sourceLocation)
            }
        }
        func identity(_ file: URL) -> (inode: UInt64, size: Int) {
            var info = stat()
            return stat(file.path, &info) == 0 ? (UInt64(info.st_ino), Int(info.st_size)) : (0, 0)
        }
        let folder = try TemporaryFolder()
        let state = folder.url.appendingPathComponent("state"), records = RecordStore.file(beside: state)
        var cache = BuildCache.empty()
        cache.files[BuildCache.fileKey("/x")] = BuildCache.FileDigest(stamp: FileStamp(size: 1, modified: 2, changed: 3, inode: 4, device: 5),
                                                                     digest: Digest(high: 6, low: 7))
        for index in 0..<20 { cache.records[key(index)] = entry(index) }
        try cache.save(to: state)
        let first = identity(records)

        var next = BuildCache.load(from: state)
        expectRecords(next, 0..<20)
        next.records[key(20)] = entry(20)
        try next.save(to: state)
        let second = identity(records)
        #expect(second.inode == first.inode && second.size > first.size, "the record was not appended")
        expectRecords(BuildCache.load(from: state), 0..<21)

        let handle = try FileHandle(forWritingTo: records)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((0..<300).map { UInt8($0 % 256) }))
        try handle.close()
        var kept = BuildCache.load(from: state)
        expectRecords(kept, 0..<21)
        // Ten of twenty-one kept: the file is written again with only those.
        kept.keepRecords(Set((0..<10).map(key)))
        try kept.save(to: state)
        let third = identity(records)
        #expect(third.inode != first.inode && third.size < first.size, "the records file was not written afresh")
        expectRecords(BuildCache.load(from: state), 0..<10)

        var bytes = try Data(contentsOf: records)
        bytes[bytes.count / 2] ^= 1
        try bytes.write(to: records)
        let damaged = BuildCache.load(from: state)
        #expect(damaged.recordCount == 0 && damaged.files.count == 1)
    }

    /// Digests and records of files that are gone are dropped once they are more than a tenth
    /// of the cache (and at least a hundred), so a long-lived cache does not grow without end.
    @Test func entriesOfFilesNoLongerThereAreDropped() throws {
        var files = Robust.base
        for index in 0..<150 {
            files["communities/c/problems/p\(index).md"] = "---\ntitle: P\(index)\nraised: 2024-01-01\nstatus: open\n---\n"
            files["media/m\(index).txt"] = "m\(index)"
        }
        let site = try TestSite.files(files)
        // Digests of files changed within the last two seconds are not kept: these are made older.
        let past = Date().addingTimeInterval(-3_600)
        for path in files.keys { try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: site.url(path).path) }
        try site.build()
        let state = OutputFolder(site.output).cacheFile
        let full = BuildCache.load(from: state)
        let assets = (try #require(Theme.load(from: Repo.templates, language: "en").0)).assets.count
        #expect(full.files.count == 302 + assets && full.recordCount == 150, "\(full.files.count) files, \(full.recordCount) records")
        for index in 0..<150 {
            try FileManager.default.removeItem(at: site.url("communities/c/problems/p\(index).md"))
            try FileManager.default.removeItem(at: site.url("media/m\(index).txt"))
        }
        try site.build()
        let pruned = BuildCache.load(from: state)
        // site.yml, community.md and the theme's assets are still there.
        #expect(pruned.files.count == 2 + assets && pruned.recordCount == 0, "\(pruned.files.count) files, \(pruned.recordCount) records")
    }

    /// The cache's checksum reads its bytes in parts: any split gives the same digest, and any
    /// one changed bit a different one.
    @Test func theStreamDigestIgnoresPartsAndSeesEveryBit() {
        var generator = SeededGenerator(seed: 9)
        let bytes = (0..<1_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        func digest(_ parts: [ArraySlice<UInt8>]) -> Digest {
            var stream = StreamDigest()
            for part in parts { stream.add(Array(part)) }
            return stream.finish()
        }
        let whole = digest([bytes[...]])
        for _ in 0..<200 {
            let a = Int.random(in: 0...bytes.count, using: &generator), b = Int.random(in: a...bytes.count, using: &generator)
            #expect(digest([bytes[..<a], bytes[a..<b], bytes[b...]]) == whole)
        }
        var seen: Set<Digest> = [whole]
        for index in stride(from: 0, to: bytes.count, by: 7) {
            var changed = bytes
            changed[index] ^= 1 << UInt8(index % 8)
            #expect(seen.insert(digest([changed[...]])).inserted, "bit \(index % 8) of byte \(index)")
        }
        #expect(digest([bytes.dropLast()]) != whole)
    }
}
