import Foundation
import SpotlightUI

/// The big-type font of this process (GNU Unifont's `unifont.hex`, see `FontCatalog`): looked
/// up and opened once, the first time a frame is big enough to use it (glyphs are read as drawn).
enum BigType {
    static let catalog = FontCatalog.standard(
        environment: ProcessInfo.processInfo.environment,
        executablePath: try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))

    /// Read on first use (a lazy global); a missing or broken file leaves headlines as text.
    static let outcome: FontCatalog.Outcome = catalog.load()

    /// For `doctor`: every line of the file checked, so a damaged one is named with its line.
    static func checked() -> FontCatalog.Outcome { catalog.load(checkEveryLine: true) }

    /// The font for a frame of this size, if wanted: small frames never read the file.
    static func font(enabled: Bool, width: Int, height: Int) -> HexFont? {
        enabled && WallScreen.usesBigType(width: width, height: height) ? outcome.font : nil
    }
}
