// swift-tools-version:6.0
import PackageDescription

// The build is five stages, each a target that sees only those below it:
// Model ← Content (scan, read, validate) ← Site (index, routes) ← Render (views, theme, feeds),
// with Incremental (digests, cache, fingerprints, spare tree) and Output (writing, swapping)
// around them, Engine wiring them, and the command line on top.
// Inlining and generic specialisation across the targets, as within one module. Only the
// engine is a product, so `public` in the other targets is seen by this package alone; what
// crosses a target is `public` rather than `package` because Swift 6.3 does not optimise
// `package` declarations across modules without library evolution.
let acrossTargets: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "Bulletin",
    // macOS 15 for the preview server's Synchronization.Mutex; the project is built and tested on Linux.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "bulletin", targets: ["bulletin"]),
        .library(name: "BulletinEngine", targets: ["BulletinEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Exact: the compiled template renderer mirrors this version's parser.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        // `bulletin serve`: the HTTP server, and the service group that stops it on Ctrl-C or SIGTERM.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CMark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // XXH3-128 for the digests that key the build cache.
        .systemLibrary(
            name: "XXHash",
            pkgConfig: "libxxhash",
            providers: [.apt(["libxxhash-dev"])]
        ),
        // Small shared helpers: parallel map, digests (XXH3), binary coding, byte search.
        .target(name: "BulletinSupport", dependencies: ["XXHash"], swiftSettings: acrossTargets),
        // Records, dates, enumerations, source files and diagnostics.
        // Not optimised across targets: built so, release binaries read the field tables'
        // static lets from other targets without running their initialisers when no parser had
        // touched them first (a build that takes every record from the cache crashed).
        .target(name: "BulletinModel", dependencies: ["BulletinSupport"]),
        // Scanning the content folder, reading front matter, parsing and validating records.
        .target(
            name: "BulletinContent",
            dependencies: [
                "BulletinModel", "BulletinSupport", "CMark",
                // For libyaml, as Yams builds it (its C target CYaml): front matter is walked from its events.
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: acrossTargets
        ),
        // The site graph: published records indexed by community, kind and tag, and every URL.
        .target(name: "BulletinSite", dependencies: ["BulletinContent", "BulletinModel", "BulletinSupport"], swiftSettings: acrossTargets),
        // Views, the theme and its templates, feeds: each page's bytes.
        .target(
            name: "BulletinRender",
            dependencies: [
                "BulletinSite", "BulletinContent", "BulletinModel", "BulletinSupport",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: acrossTargets
        ),
        // Writing files (through swift-system) and swapping the finished tree in.
        .target(
            name: "BulletinOutput",
            dependencies: ["BulletinModel", "BulletinSupport", .product(name: "SystemPackage", package: "swift-system")],
            swiftSettings: acrossTargets
        ),
        // The build cache, page fingerprints, folder listings and the spare tree.
        .target(
            name: "BulletinIncremental",
            dependencies: ["BulletinRender", "BulletinSite", "BulletinContent", "BulletinModel", "BulletinOutput", "BulletinSupport"],
            swiftSettings: acrossTargets
        ),
        // The stages wired into `build`, `check` and `new`.
        .target(
            name: "BulletinEngine",
            dependencies: [
                "BulletinIncremental", "BulletinOutput", "BulletinRender", "BulletinSite", "BulletinContent",
                "BulletinModel", "BulletinSupport",
            ],
            swiftSettings: acrossTargets
        ),
        // The preview server: builds on every save and serves the site with live reload.
        .target(
            name: "BulletinServe",
            dependencies: [
                "BulletinEngine", "BulletinModel", "BulletinRender",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "bulletin",
            dependencies: [
                "BulletinEngine", "BulletinModel", "BulletinServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Linked statically: a build that changes nothing starts in half the time
            // without twenty shared libraries to bind (figures in docs/performance.md).
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux]))],
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-use-ld=lld"], .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "BulletinEngineTests",
            dependencies: [
                "BulletinEngine", "BulletinIncremental", "BulletinOutput", "BulletinRender", "BulletinSite",
                "BulletinContent", "BulletinModel", "BulletinSupport", "BulletinServe",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
