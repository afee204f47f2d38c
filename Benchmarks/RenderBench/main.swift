// Full-frame render benchmark for the lobby wall (DESIGN §11: ≥ 2,000 frames/s at 200×60).
//
// Run: swift run -c release render-bench [WIDTHxHEIGHT …] [--print WIDTHxHEIGHT [--no-big-type]]
// With Unifont installed (the `unifont` package) it also times big-type frames (issue 10: ≥ 1,000/s at 240×67).
// It prints figures only; it never fails on time (benchmarks are not timed tests).
import Foundation
import SpotlightUI

let demo = WallViewModel(
    boardName: "Acme Support", banner: "★ SERVICE SPOTLIGHT", clock: "Tue 24 Nov 14:05",
    card: WallCard(
        title: "Mary turned a furious caller into our biggest fan",
        body: "A customer rang after three missed deliveries and wanted to cancel everything. Mary let him "
            + "finish, apologised without excuses, booked the courier herself and called him back at six to "
            + "confirm the parcel was at his door. He has since ordered twice more and asked for her by name.",
        hero: "Mary Lopez", department: "Customer Support", customerKind: "external customer",
        votes: 14, medallions: 1, isPinned: true, isNew: false, author: "John Park", age: "2 days ago"
    ),
    reason: "pinned by Dana until Fri",
    ticker: [
        "IT brought the finance report server back before month-end close",
        "Warehouse re-packed 200 orders by hand after the label printer died",
        "東京オフィス：台風の日もお客様の電話に全件対応 ☎️",
        "Sales walked a new client through setup on a Sunday 🙌",
    ],
    position: WallPosition(index: 2, count: 7)
)

/// The same wall with text that costs the most per frame: CJK and emoji clusters, escape
/// sequences to sanitise, a 10,000-mark zalgo letter and 4000-character words.
let heavy: WallViewModel = {
    var m = demo
    let zalgo = "e" + String(repeating: "\u{0301}", count: 10_000)
    let word = String(repeating: "A", count: 4000)
    m.card?.title = "東京オフィス：台風の日もお客様の電話に全件対応 ☎️ \u{1B}[2J\u{1B}]52;c;SGVsbG8=\u{07}" + zalgo + word
    m.card?.body = "台風で交通機関が止まった日、陽子さんは自宅から転送電話を受け 👩‍💻🇫🇷 \u{202E}\u{9B}31m\u{200B}" + zalgo + word
    m.ticker = ["\u{1B}[2J" + word, zalgo, "👨‍👩‍👧 Family plan fixed in one call"] + m.ticker
    return m
}()

func parseSize(_ s: String) -> (Int, Int)? {
    let parts = s.lowercased().split(separator: "x").compactMap { Int($0) }
    return parts.count == 2 ? (parts[0], parts[1]) : nil
}

/// Renders for about `seconds` and returns frames per second. `sink` keeps the optimiser
/// from discarding the frames.
func measure(_ base: WallViewModel, width: Int, height: Int, seconds: Double = 2) -> (fps: Double, frames: Int, sink: Int) {
    var sink = 0
    for _ in 0..<200 { sink &+= WallScreen.render(base, width: width, height: height).cells.count }   // warm-up
    let clock = ContinuousClock()
    let start = clock.now
    var frames = 0
    var elapsed = Duration.zero
    while elapsed < .seconds(seconds) {
        for _ in 0..<100 {
            var model = base
            model.tickerOffset = frames   // a different frame each time, as on the real wall
            sink &+= WallScreen.render(model, width: width, height: height)[width / 2, height / 2].text.utf8.count
            frames += 1
        }
        elapsed = clock.now - start
    }
    let secs = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return (Double(frames) / secs, frames, sink)
}

var args = Array(CommandLine.arguments.dropFirst())

/// Big type (issue 10): Unifont read once, on first use, as the wall does it.
func loadFont() -> (font: HexFont?, note: String) {
    let clock = ContinuousClock()
    let start = clock.now
    let outcome = FontCatalog.standard(environment: ProcessInfo.processInfo.environment, executablePath: nil).load()
    let ms = Double((clock.now - start).components.attoseconds) / 1e15 + Double((clock.now - start).components.seconds) * 1000
    return (outcome.font, "big type: \(outcome.summary); opened in \(String(format: "%.1f", ms)) ms")
}

if let i = args.firstIndex(of: "--print"), i + 1 < args.count, let (w, h) = parseSize(args[i + 1]) {
    var model = demo
    if !args.contains("--no-big-type") { model.font = loadFont().font }
    print(WallScreen.render(model, width: w, height: h).plainText())
    exit(0)
}
let sizes = args.compactMap(parseSize)
let (font, note) = loadFont()
print(note)
var bigDemo = demo
bigDemo.font = font
if font != nil {
    // The first frame pays for decoding its glyphs; the font itself is already read above.
    let clock = ContinuousClock()
    let start = clock.now
    let first = WallScreen.render(bigDemo, width: 240, height: 67)
    let elapsed = clock.now - start
    let us = Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12
    print("first big-type frame 240×67 (font already read): \(Int(us)) µs; \(first.cells.filter { $0.text == "█" }.count) full blocks")
}
var cases = [("demo", demo), ("heavy", heavy)]
if font != nil { cases.append(("big type", bigDemo)) }
for (name, model) in cases {
    let defaults = name == "big type" ? [(240, 67), (200, 60)] : [(80, 24), (120, 40), (200, 60), (240, 67)]
    for (w, h) in sizes.isEmpty ? defaults : sizes {
        let r = measure(model, width: w, height: h)
        let target = (w, h) == (200, 60) ? "  (target ≥ 2000)" : name == "big type" && (w, h) == (240, 67) ? "  (target ≥ 1000)" : ""
        print("wall \(name) \(w)×\(h): \(Int(r.fps)) frames/s, \(Int(1e6 / r.fps)) µs/frame over \(r.frames) frames\(target)"
              + (r.sink == 42 ? " " : ""))
    }
}
