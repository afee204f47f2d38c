import Foundation
import SpotlightCore

/// What the reports read (awards, newsletter, statistics, the reel): the board's settings and a
/// period's stories, pins, medallions, first posts, votes and medallion times. Every
/// `BoardService` has them; a protocol of its own so that a report's inputs are one small,
/// named set, read the same from any board.
public protocol BoardReports: Sendable {
    func settings() async throws(SpotlightError) -> BoardSettings
    func reportStories(from start: Date, to end: Date, bodyLength: Int) async throws(SpotlightError) -> [Story]
    func reportPinnedStories(from start: Date, to end: Date) async throws(SpotlightError) -> [Story]
    func reportMedallions(from start: Date, to end: Date) async throws(SpotlightError) -> [GivenMedallion]
    func reportFirstPosts(from start: Date, to end: Date) async throws(SpotlightError) -> [String: Date]
    func reportVoteTimes(from start: Date, to end: Date) async throws(SpotlightError) -> [Date]
    func reportMedallionTimes(from start: Date, to end: Date) async throws(SpotlightError) -> [Date]
}
