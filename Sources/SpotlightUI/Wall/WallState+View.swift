import Foundation
import SpotlightCore

/// The live wall's frame: `view(state)`.
extension WallState {
    /// The themes to show, best first: `--theme` or a key's pick; else Customer Service Week's,
    /// then the board's. The runner shows the first it can load, else keeps what it shows.
    public var themeCandidates: [String] {
        if let chosen = themeChosenByKey ?? options.theme { return [chosen] }
        if case .during = serviceWeek(now: now) { return ["service-week", settings.theme] }
        return [settings.theme]
    }

    /// The presenter's context for the frame at `now`.
    public func context(theme: Theme, font: HexFont?) -> WallPresenter.Context {
        WallPresenter.Context(
            boardName: settings.name, theme: theme, now: now, timeZone: options.timeZone,
            serviceWeek: serviceWeek(now: now), isUTF8: options.isUTF8, kiosk: options.kiosk, isPaused: isPaused,
            statusLine: status?.text ?? problem?.statusLine, isEmbedded: options.embedded, showsHelp: helpUntil != nil,
            font: font)
    }

    /// The frame at the terminal's size. `font` is the big-type font when the frame is TV-sized
    /// and one is installed (the runner reads it; see `WallScreen.usesBigType`).
    public func view(theme: Theme, font: HexFont? = nil) -> Grid {
        WallScreen.render(model(context: context(theme: theme, font: font)), width: size.width, height: size.height)
    }
}
