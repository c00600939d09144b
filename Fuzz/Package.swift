// swift-tools-version:6.0
// A separate package so the root `swift build` / `swift test` never sees the fuzz target.
// Build on Linux, from this folder (see README.md):
//   swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --scratch-path .build-fuzz --product BulletinFuzz
import PackageDescription

let package = Package(
    name: "BulletinFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        // Named so the product reference does not depend on the checkout folder's name.
        .package(name: "Bulletin", path: ".."),
    ],
    targets: [
        .target(name: "CLibFuzzer"),
        .executableTarget(
            name: "BulletinFuzz",
            dependencies: [
                "CLibFuzzer",
                .product(name: "BulletinEngine", package: "Bulletin"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
