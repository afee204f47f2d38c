import Foundation
import Testing

/// Issue 10's measure of legibility: the wall in a real terminal emulator on a 1080p screen —
/// `xterm` with Unifont's 8×16 bitmap font under `Xvfb` at 1920×1080, so 240×67 cells — shot
/// with ImageMagick, and the headline's letter height measured in pixels from the picture.
/// Signage guidance is 25 mm of letter per 3 m; on a 55-inch 1080p TV a pixel is 0.63 mm, so
/// reading at 4–5 m needs about 60 px. Prints today's figure (`--no-big-type`) beside it.
///
/// Needs xvfb, xterm, imagemagick, unifont and xfonts-unifont (`.ci/run` installs them); a
/// missing one fails the test with the command to install it.
@Suite(.serialized) struct LobbyScreenshotTests {
    typealias P = SpotlightProcess

    static let xtermFont = "-gnu-unifont-medium-r-normal-sans-16-160-75-75-c-80-iso10646-1"
    static let (width, height, cellWidth, cellHeight) = (1920, 1080, 8, 16)
    static let title = "Mary turned a furious caller into our biggest fan"

    static func missingTools() -> [String] {
        var missing: [String] = []
        func need(_ path: String, _ package: String) {
            if !FileManager.default.fileExists(atPath: path) { missing.append(package) }
        }
        need("/usr/bin/Xvfb", "xvfb")
        need("/usr/bin/xterm", "xterm")
        need("/usr/bin/import", "imagemagick")
        need("/usr/share/unifont/unifont.hex", "unifont")
        need("/usr/share/fonts/X11/misc/unifont.pcf.gz", "xfonts-unifont")
        return missing
    }

    @Test func theHeadlineIsAtLeastSixtyPixelsTallOnA1080pScreen() throws {
        let missing = Self.missingTools()
        guard missing.isEmpty else {
            Issue.record("cannot measure the wall on screen: run `apt-get install -y \(missing.joined(separator: " "))` (.ci/run does)")
            return
        }
        let directory = P.scratch("lobby-screenshot")
        let board = directory + "/board.sqlite"
        #expect(try P.run(["init", "--name", "Acme Support"], board: board).status == 0)
        let posted = try P.run(["post", "--title", Self.title, "--hero", "Mary Lopez", "--department", "Customer Support",
                                "--body", "A customer rang after three missed deliveries and wanted to cancel everything."], board: board)
        #expect(posted.status == 0, "\(posted.stderr)")

        // Today: the headline in the terminal's own text, found through the frame's text: its
        // first letter's cell, 8×16 pixels at a known place.
        let frame = try P.run(["snapshot", "--width", "240", "--height", "67", "--no-big-type"], board: board,
                              environment: ["LC_ALL": "C.UTF-8"]).stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let row = try #require(frame.firstIndex { $0.contains("Mary turned") }, "no headline in \(frame.joined(separator: "\n"))")
        let column = try #require(frame[row].range(of: "Mary turned")).lowerBound
        let cell = frame[row][..<column].count   // the frame is one-column characters up to there
        func firstLetter(_ picture: Picture) -> Int? {
            picture.inkHeight(x: cell * Self.cellWidth, y: row * Self.cellHeight, width: Self.cellWidth, height: Self.cellHeight)
        }
        let display = try XDisplay(directory: directory)
        defer { display.stop() }
        let plain = try display.shoot(P.binary, ["wall", "--kiosk", "--board", board, "--no-big-type"], name: "before") { firstLetter($0) != nil }
        let before = try #require(firstLetter(plain), "no headline on screen; see \(directory)/before.png")

        // Big type: the headline's letters are the tall components of the picture.
        let big = try display.shoot(P.binary, ["wall", "--kiosk", "--board", board], name: "after") { !$0.letters(minHeight: 30).isEmpty }
        let letters = big.letters(minHeight: 30)
        let top = try #require(letters.map(\.y).min())
        // The first letter: leftmost of those starting near the top line. "M" is a capital.
        let first = try #require(letters.filter { $0.y <= top + 24 }.min { $0.x < $1.x })
        print("lobby legibility at 1920×1080 (xterm, Unifont 8×16, 240×67): headline letter height "
              + "\(before) px before (--no-big-type), \(first.height) px with big type (\(letters.count) big letter shapes)")
        #expect(before <= 16)
        #expect(first.height >= 60, "headline capital only \(first.height) px tall; see \(directory)/after.png")
    }
}

/// A broken font never breaks the wall: `doctor` names the file and line, and frames use text.
@Suite struct BigTypeFontFileTests {
    typealias P = SpotlightProcess

    @Test func aTruncatedUnifontIsReportedAndTheWallUsesText() throws {
        let directory = P.scratch("big-type-font")
        let board = directory + "/board.sqlite"
        #expect(try P.run(["init", "--name", "Acme"], board: board).status == 0)
        #expect(try P.run(["post", "--title", "Mary saved the day", "--hero", "Mary Lopez", "--body", "Thanks."], board: board).status == 0)
        let fonts = directory + "/share/unifont"
        try FileManager.default.createDirectory(atPath: fonts, withIntermediateDirectories: true)
        // A download cut off in the middle of the second glyph.
        try "0041:0000000018242442427E424242420000\n0042:00000000".write(toFile: fonts + "/unifont.hex", atomically: true, encoding: .utf8)
        let environment = ["XDG_DATA_DIRS": directory + "/share", "LC_ALL": "C.UTF-8"]
        let doctor = try P.run(["doctor"], board: board, environment: environment)
        let line = doctor.stdout.split(separator: "\n").first { $0.hasPrefix("big type") }.map(String.init) ?? ""
        #expect(line.contains("off: \(fonts)/unifont.hex line 2:") && line.contains("truncated"), "\(doctor.stdout)")
        #expect(doctor.status == 1)
        let frame = try P.run(["snapshot", "--width", "240", "--height", "67"], board: board, environment: environment)
        #expect(frame.status == 0 && frame.stdout.contains("Mary saved the day") && !frame.stdout.contains("█"))
        // With Unifont installed the same frame is in big type.
        if FileManager.default.fileExists(atPath: "/usr/share/unifont/unifont.hex") {
            let big = try P.run(["snapshot", "--width", "240", "--height", "67"], board: board,
                                environment: ["XDG_DATA_DIRS": "/usr/share", "LC_ALL": "C.UTF-8"])
            #expect(big.stdout.contains("█"))
        }
    }
}

/// An `Xvfb` screen with one `xterm` at a time, and pictures of it.
struct XDisplay {
    let server: Process
    let number: Int
    let directory: String

    init(directory: String) throws {
        self.directory = directory
        // A display number no other server uses (its socket would exist).
        var n = 50 + Int(getpid() % 400)
        while FileManager.default.fileExists(atPath: "/tmp/.X11-unix/X\(n)") || FileManager.default.fileExists(atPath: "/tmp/.X\(n)-lock") { n += 1 }
        number = n
        server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/Xvfb")
        server.arguments = [":\(n)", "-screen", "0", "\(LobbyScreenshotTests.width)x\(LobbyScreenshotTests.height)x24", "-nolisten", "tcp"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: "/tmp/.X11-unix/X\(n)"), Date() < deadline { usleep(50_000) }
    }

    /// Foundation starts children with most signals blocked, so Xvfb never sees SIGTERM or
    /// SIGINT: it is killed, and its lock file and socket, which only it would remove, go too.
    func stop() {
        if server.isRunning { kill(server.processIdentifier, SIGKILL) }
        server.waitUntilExit()
        try? FileManager.default.removeItem(atPath: "/tmp/.X\(number)-lock")
        try? FileManager.default.removeItem(atPath: "/tmp/.X11-unix/X\(number)")
    }

    /// Runs `binary arguments` in a full-screen xterm, shoots the screen until `ready` says the
    /// frame is drawn (at most 20 s), then closes the xterm. Keeps `<name>.png` for inspection.
    func shoot(_ binary: String, _ arguments: [String], name: String, ready: (Picture) -> Bool) throws -> Picture {
        let xterm = Process()
        xterm.executableURL = URL(fileURLWithPath: "/usr/bin/xterm")
        xterm.arguments = ["-fn", LobbyScreenshotTests.xtermFont, "-geometry", "240x67+0+0", "-b", "0", "-bw", "0", "+sb",
                           "-tn", "xterm-256color", "-u8", "-e", binary] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DISPLAY"] = ":\(number)"
        environment["LC_ALL"] = "C.UTF-8"
        environment["XDG_DATA_DIRS"] = "/usr/local/share:/usr/share"
        environment["NO_COLOR"] = nil
        xterm.environment = environment
        xterm.standardInput = FileHandle.nullDevice
        xterm.standardOutput = FileHandle.nullDevice
        xterm.standardError = FileHandle.nullDevice
        try xterm.run()
        defer {
            // A hang-up closes xterm, which hangs up the wall in it (a kiosk wall ignores keys and
            // exits on hang-up); SIGTERM is blocked in children Foundation starts (see `stop`).
            if xterm.isRunning { kill(xterm.processIdentifier, SIGHUP) }
            let deadline = Date().addingTimeInterval(5)
            while xterm.isRunning, Date() < deadline { usleep(50_000) }
            if xterm.isRunning { kill(xterm.processIdentifier, SIGKILL) }
            xterm.waitUntilExit()
        }
        let png = "\(directory)/\(name).png"
        let deadline = Date().addingTimeInterval(20)
        var last: Picture?
        repeat {
            usleep(500_000)
            let picture = try Picture.shoot(display: number, png: png)
            if ready(picture) {
                usleep(300_000)   // let the frame finish, then take the one we measure
                return try Picture.shoot(display: number, png: png)
            }
            last = picture
        } while Date() < deadline
        return try #require(last)
    }
}

/// A screenshot as RGB pixels; "ink" is any pixel far from the most common colour (the
/// background the text is drawn on).
struct Picture {
    let width: Int
    let height: Int
    let ink: [Bool]

    static func shoot(display: Int, png: String) throws -> Picture {
        let raw = png + ".rgb"
        let shot = Process()
        shot.executableURL = URL(fileURLWithPath: "/bin/sh")
        shot.arguments = ["-c", "/usr/bin/import -display :\(display) -window root \"$1\" && /usr/bin/convert \"$1\" -depth 8 \"rgb:$2\"",
                          "sh", png, raw]
        shot.standardInput = FileHandle.nullDevice
        shot.standardOutput = FileHandle.nullDevice
        shot.standardError = FileHandle.nullDevice
        try shot.run()
        shot.waitUntilExit()
        let rgb = FileManager.default.contents(atPath: raw) ?? Data()
        let (w, h) = (LobbyScreenshotTests.width, LobbyScreenshotTests.height)
        guard rgb.count == w * h * 3 else { throw PictureError(problem: "\(png): \(rgb.count) bytes, expected \(w * h * 3)") }
        let bytes = [UInt8](rgb)
        var counts: [Int: Int] = [:]
        for i in stride(from: 0, to: bytes.count, by: 3 * 7) { counts[Int(bytes[i]) << 16 | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2]), default: 0] += 1 }
        let background = counts.max { $0.value < $1.value }?.key ?? 0
        let (br, bg, bb) = (background >> 16, background >> 8 & 0xFF, background & 0xFF)
        var ink = [Bool](repeating: false, count: w * h)
        for p in 0..<(w * h) {
            let d = abs(Int(bytes[3 * p]) - br) + abs(Int(bytes[3 * p + 1]) - bg) + abs(Int(bytes[3 * p + 2]) - bb)
            ink[p] = d > 96
        }
        return Picture(width: w, height: h, ink: ink)
    }

    /// Height of the ink inside a rectangle, nil when it holds none.
    func inkHeight(x: Int, y: Int, width w: Int, height h: Int) -> Int? {
        let rows = (y..<min(height, y + h)).filter { row in (x..<min(width, x + w)).contains { ink[row * width + $0] } }
        guard let top = rows.first, let bottom = rows.last else { return nil }
        return bottom - top + 1
    }

    struct Shape { let x, y, width, height: Int }

    /// Connected ink shapes (8-neighbour) at least `minHeight` tall and no wider than a big
    /// letter can be: frame lines and card borders are far wider or taller and drop out.
    func letters(minHeight: Int) -> [Shape] {
        var seen = [Bool](repeating: false, count: ink.count)
        var shapes: [Shape] = []
        var stack: [Int] = []
        for start in 0..<ink.count where ink[start] && !seen[start] {
            seen[start] = true
            stack.append(start)
            var (minX, minY, maxX, maxY) = (Int.max, Int.max, 0, 0)
            while let p = stack.popLast() {
                let (px, py) = (p % width, p / width)
                minX = min(minX, px); maxX = max(maxX, px); minY = min(minY, py); maxY = max(maxY, py)
                for dy in -1...1 {
                    for dx in -1...1 {
                        let (nx, ny) = (px + dx, py + dy)
                        guard nx >= 0, ny >= 0, nx < width, ny < height else { continue }
                        let q = ny * width + nx
                        if ink[q] && !seen[q] {
                            seen[q] = true
                            stack.append(q)
                        }
                    }
                }
            }
            let shape = Shape(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
            if shape.height >= minHeight, shape.height <= 300, shape.width <= 300 { shapes.append(shape) }
        }
        return shapes
    }
}

struct PictureError: Error, CustomStringConvertible {
    let problem: String
    var description: String { problem }
}
