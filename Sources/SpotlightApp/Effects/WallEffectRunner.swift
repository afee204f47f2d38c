import Foundation
import SpotlightCore
import SpotlightStore
import SpotlightUI

/// Carries out the wall's board and theme effects against any `BoardService` and answers each
/// with messages for `WallState.handle`; the loop's own effects (redraw, repaint, quit) never
/// come here. Board changes from `changes()` become messages here too.
@LoopActor
public final class WallEffectRunner {
    public let service: any BoardService
    public let themes: WallThemes
    public let clock: Clock
    public let timeZone: TimeZone
    /// `spotlight wall --stats`: each read also renders the board statistics in these glyphs.
    public let statsGlyphs: ChartGlyphs?

    public init(service: any BoardService, themes: WallThemes, clock: Clock, statsGlyphs: ChartGlyphs? = nil,
                timeZone: TimeZone = .current) {
        self.service = service
        self.themes = themes
        self.clock = clock
        self.statsGlyphs = statsGlyphs
        self.timeZone = timeZone
    }

    /// A board change: read again, or say why the board cannot be read (keeping the last stories).
    public static func messages(for change: BoardChange) -> [WallMessage] {
        switch change {
        case .changed: [.boardChanged]
        case .unavailable(let reason): [.loadFailed(.reported(reason))]
        }
    }

    /// One effect and the messages it answers with.
    public func run(_ effect: WallEffect) async -> [WallMessage] {
        switch effect {
        case .redraw, .repaint, .quit:
            return []   // the loop's own (WallProgram): never sent here
        case .loadSnapshot(let since):
            return await load(highlightSince: since)
        case .upvote(let id):
            do {
                return [.upvoted(id, added: try await service.upvote(id))]
            } catch {
                return [.upvoteFailed(reason: error.message)]
            }
        case .nextTheme:
            return themes.next()
        }
    }

    /// A read of the board (and its statistics when the wall shows them).
    public func load(highlightSince: Date?) async -> [WallMessage] {
        do {
            let snapshot = try await service.wallSnapshot(highlightSince: highlightSince)
            var messages: [WallMessage] = [.snapshotLoaded(WallContent(snapshot))]
            if let statsGlyphs {
                messages.append(.statsLoaded(try await StatsReading.lines(service, glyphs: statsGlyphs, now: clock.now, timeZone: timeZone)))
            }
            return messages
        } catch {
            return [.loadFailed(.unavailable(error.message))]
        }
    }
}

extension WallContent {
    /// What the wall shows of a read (the snapshot without its counts).
    public init(_ snapshot: WallSnapshot) {
        self.init(stories: snapshot.stories, headlines: snapshot.headlines, settings: snapshot.settings, highlight: snapshot.highlight)
    }
}
