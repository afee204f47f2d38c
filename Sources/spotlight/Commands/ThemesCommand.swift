import ArgumentParser
import Foundation
import SpotlightApp
import SpotlightCore
import SpotlightUI

/// Where themes are found for this process: config and data directories, the install prefix
/// next to the executable, and the checkout (DESIGN §7).
enum Themes {
    static func standard() -> ThemeCatalog {
        ThemeCatalog.standard(
            environment: ProcessInfo.processInfo.environment,
            executablePath: try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
            currentDirectory: FileManager.default.currentDirectoryPath)
    }
}

extension ThemeCatalog {
    /// A theme asked for by name must exist; one named by a board setting falls back to the
    /// built-in theme so a bad setting never blanks the wall.
    func loadOrBuiltIn(_ name: String, explicit: Bool) throws(SpotlightError) -> Theme {
        do {
            return try load(name)
        } catch {
            if explicit { throw error.spotlightError }
            return .builtIn
        }
    }
}

struct ThemesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes", abstract: "List the available themes or preview one.",
        subcommands: [List.self, Show.self], defaultSubcommand: List.self)
    // Show names itself, the default List does not: see ManagersCommand.

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List themes and where each comes from.")

        func run() async throws {
            let catalog = Themes.standard()
            for name in catalog.names() {
                let theme = try? catalog.load(name)
                let from = catalog.path(for: name) ?? "built in"
                CLI.say(TextTable.padRight(name, 15) + TextTable.padRight(Sanitizer.singleLine(theme?.description ?? "(does not load: run `spotlight themes show \(name)`)"), 52) + " " + from)
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Check a theme and preview a wall frame drawn with it.")
        @Argument(help: "The theme's name.") var name: String
        @Option(help: "Preview width.") var width = 80
        @Option(help: "Preview height.") var height = 24

        func run() async throws {
            let theme: Theme
            do { theme = try Themes.standard().load(name) } catch { throw error.spotlightError }
            CLI.say("\(theme.name) — \(Sanitizer.singleLine(theme.description))")
            CLI.say("border: \(theme.border.rawValue)   banner: \(Sanitizer.singleLine(theme.banner))")
            for role in Role.allCases {
                let s = theme.style(for: role)
                let colours = [("256", s.fg256, s.bg256), ("16", s.fg16, s.bg16), ("8", s.fg8, s.bg8)]
                    .map { "\($0.0): \($0.1.map(String.init) ?? "-")/\($0.2.map(String.init) ?? "-")" }.joined(separator: "  ")
                let attributes = [("bold", s.bold), ("reverse", s.reverse), ("underline", s.underline), ("dim", s.dim)]
                    .filter(\.1).map(\.0).joined(separator: ",")
                CLI.say("  " + TextTable.padRight(role.rawValue, 11) + colours + (attributes.isEmpty ? "" : "  " + attributes))
            }
            let now = Clock.system.now
            let sample = DemoStories.all[0]
            let story = Story(id: 1, title: sample.draft.title, body: sample.draft.body, hero: sample.draft.hero,
                              department: sample.draft.department, customer: sample.draft.customer,
                              author: sample.author.login, authorName: sample.author.displayName,
                              createdAt: now.addingTimeInterval(-7200), votes: 12, medallions: 1,
                              pin: Pin(pinnedBy: "dana", pinnedAt: now))
            var state = WallState(settings: BoardSettings(), now: now)
            state.load(stories: [story], headlines: [story.title], settings: BoardSettings(), now: now)
            let context = WallPresenter.Context(boardName: "Preview", theme: theme, now: now, timeZone: .current, kiosk: true)
            CLI.say(WallScreen.render(state.model(context: context), width: width, height: height).plainText(trimTrailing: true))
        }
    }
}
