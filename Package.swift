// swift-tools-version: 6.2
import PackageDescription

// Every target of ours treats warnings as errors: sqlite-nio's async/future overloads of
// `query` and `close` differ only in a warning when the wrong one is picked (DESIGN §8).
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "spotlight",
    products: [
        .executable(name: "spotlight", targets: ["spotlight"]),
    ],
    // PostgreSQL support pulls in swift-nio-ssl and swift-crypto (two BoringSSL builds), so it is
    // off by default: the README's first `swift run` stays quick (issue 14). `make` turns it on.
    traits: [
        .trait(name: "PostgreSQLSupport", description: "spotlight serve --store postgresql://… (postgres-nio)"),
        .default(enabledTraits: []),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/vapor/sqlite-nio", exact: "1.13.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        // Already in the tree through sqlite-nio; the broker adds only its NIOHTTP1 module.
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        // Resolved always, built only with the trait PostgreSQLSupport (issue 14).
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        // Pure model and rules: no I/O, injected clock.
        .target(name: "SpotlightCore", swiftSettings: strict),
        // Hardens every SQLite connection as it opens (defensive, untrusted schema, cell checks):
        // C, because sqlite3_db_config is variadic and sqlite-nio keeps the handle to itself.
        .target(name: "CBoardHardening", dependencies: [.product(name: "SQLiteNIO", package: "sqlite-nio")]),
        // The shared board file on sqlite-nio; the only code that talks to SQLite.
        .target(
            name: "SpotlightStore",
            dependencies: ["SpotlightCore", "CBoardHardening", .product(name: "SQLiteNIO", package: "sqlite-nio")],
            swiftSettings: strict
        ),
        // Screens render into a cell grid; never imports ncurses.
        .target(
            name: "SpotlightUI",
            dependencies: ["SpotlightCore", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: strict
        ),
        // C shim over ncursesw: macros and globals as functions Swift 6 can call.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The signal self-pipe and the emergency tty reset: C, so the handlers are async-signal-safe;
        // a real .c file, so its state has exactly one definition in any build (never a header static).
        .target(name: "CSignalGuard", linkerSettings: [.linkedLibrary("ncursesw")]),
        // The only Swift code that calls ncurses.
        .target(name: "SpotlightTerminal", dependencies: ["CNcursesw", "CSignalGuard", "SpotlightUI"], swiftSettings: strict),
        // One application core for every front end (issue 12, DESIGN §12): `BoardService` and its
        // implementations, the effect runner; no terminal.
        .target(name: "SpotlightApp", dependencies: ["SpotlightCore", "SpotlightStore", "SpotlightUI", .product(name: "TOMLKit", package: "TOMLKit")], swiftSettings: strict),
        // The broker (issue 13, DESIGN §12): `BrokerServer` hosts a `BrokerApplication` on a Unix
        // socket (HTTP/1.1, SO_PEERCRED, limits); `Client/` is the transport remote boards use.
        .target(
            name: "SpotlightBroker",
            dependencies: [
                "SpotlightApp", "SpotlightCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        // The board on PostgreSQL (issue 14): `PostgreSQLBoard`, a `BoardService` on postgres-nio.
        // An empty module unless built with the trait PostgreSQLSupport (every file is `#if`-guarded).
        .target(
            name: "SpotlightPostgres",
            dependencies: [
                "SpotlightCore", "SpotlightStore", "SpotlightApp",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQLSupport"])),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "spotlight",
            dependencies: [
                "SpotlightCore", "SpotlightStore", "SpotlightUI", "SpotlightApp", "SpotlightBroker", "SpotlightPostgres", "SpotlightTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: strict,
            // The static stdlib links with -export-dynamic, which puts ~14,000 of our symbols in the
            // dynamic table; the runtime's start-up dladdr walks all of them (0.5 M instructions a
            // start, issue 17). Nothing looks our symbols up at run time. lld packs the ~92,000
            // relative relocations into DT_RELR (glibc 2.36 and later), which the loader applies
            // as a bitmap instead of one 24-byte record each.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic", "-use-ld=lld",
                                           "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"], .when(configuration: .release))]
        ),
        // Prints full-frame render figures (DESIGN §11); never a timed test.
        .executableTarget(name: "render-bench", dependencies: ["SpotlightUI"], path: "Benchmarks/RenderBench", swiftSettings: strict),
        .testTarget(name: "SpotlightCoreTests", dependencies: ["SpotlightCore", "SpotlightTestSupport"], exclude: ["CertificationGoldens"], swiftSettings: strict),
        .testTarget(name: "SpotlightStoreTests", dependencies: ["SpotlightStore"], swiftSettings: strict),
        // The conformance suite: the same behaviour tests against every BoardService.
        .testTarget(name: "SpotlightAppTests", dependencies: ["SpotlightApp", "SpotlightBroker", "SpotlightPostgres", "SpotlightTestSupport"], swiftSettings: strict),
        // PostgreSQL-only tests (URL, secret file, schema, locking); empty without the trait.
        .testTarget(name: "SpotlightPostgresTests", dependencies: ["SpotlightPostgres", "SpotlightApp", "SpotlightStore", "SpotlightCore"], swiftSettings: strict),
        .testTarget(name: "SpotlightBrokerTests", dependencies: ["SpotlightBroker", "SpotlightApp", "SpotlightCore"], swiftSettings: strict),
        .testTarget(name: "SpotlightTerminalTests", dependencies: ["SpotlightTerminal"], swiftSettings: strict),
        // The broker client transport against a scripted POSIX test server.
        .testTarget(name: "SpotlightBrokerClientTests", dependencies: ["SpotlightBroker", "SpotlightApp", "SpotlightCore"], swiftSettings: strict),
        // Helpers shared by the test targets (golden files, raw terminal streams); tests only.
        .target(name: "SpotlightTestSupport", dependencies: ["SpotlightCore"], path: "Tests/SpotlightTestSupport", swiftSettings: strict),
        .testTarget(name: "SpotlightUITests", dependencies: ["SpotlightUI", "SpotlightTestSupport"], exclude: ["Goldens", "Fixtures"], swiftSettings: strict),
        // Runs the built `spotlight` binary as a user would: CLI, many processes, kill -9, tmux.
        .testTarget(name: "SpotlightEndToEndTests", dependencies: ["spotlight", "SpotlightTestSupport"], exclude: ["Goldens", "Support/two-sites.sh", "Support/two_sites.py"], swiftSettings: strict),
    ]
)
