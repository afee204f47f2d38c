#!/bin/sh
# What one broker request costs a CLI process (issue 13, issue 17's yardstick): callgrind
# instruction counts of a tiny static executable that does nothing ("hello"), one request with
# `UnixSocketTransport` (POSIX sockets on a dispatch queue) and the same request with a bare
# SwiftNIO `ClientBootstrap` (an event loop group of one thread, no HTTP codec: NIO's floor).
# Prints figures, asserts nothing. Builds a scratch package in .build/ (not part of Package.swift,
# so the project gains no dependency): the transport's files are copied in with their
# SpotlightApp/SpotlightCore imports removed, beside the contract types they use.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch="$root/.build/scratch-client-bench"
mkdir -p "$scratch/Sources/bench"
for file in "$root"/Sources/SpotlightBroker/Client/*.swift "$root/Sources/SpotlightApp/Remote/BrokerMessage.swift" \
            "$root/Sources/SpotlightApp/Remote/BrokerEvent.swift" "$root/Sources/SpotlightCore/SpotlightError.swift"; do
    sed -e '/^import SpotlightApp/d' -e '/^import SpotlightCore/d' "$file" > "$scratch/Sources/bench/$(basename "$file")"
done
{ echo 'import Foundation'; sed -n '/public protocol BrokerTransport/,$p' "$root/Sources/SpotlightApp/Remote/BrokerApplication.swift"; } \
    > "$scratch/Sources/bench/BrokerTransport.swift"
cp "$root/Benchmarks/BrokerClientCost/main.swift" "$scratch/Sources/bench/main.swift"
nio=$(python3 -c "import json; print(next(p['state']['version'] for p in json.load(open('$root/Package.resolved'))['pins'] if p['identity']=='swift-nio'))")
cat > "$scratch/Package.swift" <<MANIFEST
// swift-tools-version: 6.2
import PackageDescription
let package = Package(
    name: "client-bench",
    dependencies: [.package(url: "https://github.com/apple/swift-nio.git", exact: "$nio")],
    targets: [.executableTarget(name: "bench", dependencies: [
        .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
    ])]
)
MANIFEST
(cd "$scratch" && swift build -c release --static-swift-stdlib >/dev/null)
# valgrind 3.19 cannot read DWARF 5: profile a copy without debug information.
binary="$scratch/bench-stripped"
strip --strip-debug -o "$binary" "$scratch/.build/release/bench"
socket="$scratch/bench.sock"
"$binary" serve "$socket" & server=$!
trap 'kill $server 2>/dev/null; rm -f "$socket"' EXIT
sleep 0.5
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$binary" "$1" "$socket" 2>&1 | sed -n 's/.*Collected : //p'
}
hello=$(count hello); posix=$(count posix); nio=$(count nio)
echo "process doing nothing:            $hello instructions"
echo "one request, UnixSocketTransport: $posix (+$((posix - hello)))"
echo "one request, SwiftNIO bootstrap:  $nio (+$((nio - hello)))"
# An event stream's idle cost: CPU over 5 s subscribed to a silent broker, and over 5 s with no broker.
"$binary" serve-events "$socket.events" & events=$!
sleep 0.5
"$binary" idle-events "$socket.events"
kill $events; rm -f "$socket.events"
