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
    /// A celebrated person's display name by login (the account database); nil keeps the login.
    public let displayName: @Sendable (String) -> String?

    public init(service: any BoardService, themes: WallThemes, clock: Clock, statsGlyphs: ChartGlyphs? = nil,
                timeZone: TimeZone = .current, displayName: @escaping @Sendable (String) -> String? = { _ in nil }) {
        self.service = service
        self.themes = themes
        self.clock = clock
        self.statsGlyphs = statsGlyphs
        self.timeZone = timeZone
        self.displayName = displayName
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
            var messages: [WallMessage] = [.snapshotLoaded(WallContent(snapshot, displayName: displayName))]
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
    /// What the wall shows of a read (the snapshot without its counts), each celebrated person
    /// named by `displayName` where it knows them.
    public init(_ snapshot: WallSnapshot, displayName: (String) -> String? = { _ in nil }) {
        let celebrations = snapshot.celebrations.map { celebration in
            var named = celebration
            if let name = displayName(celebration.certification.login), !name.isEmpty { named.name = name }
            return named
        }
        self.init(stories: snapshot.stories, headlines: snapshot.headlines, settings: snapshot.settings, highlight: snapshot.highlight,
                  celebrations: celebrations)
    }
}
