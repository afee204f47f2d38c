import Foundation

/// The pass-along service pin: each account has a few per calendar year to hand to a story's hero.
public struct Medallion: Equatable, Sendable, Codable {
    public var id: Int
    public var storyID: StoryID
    public var giver: String
    /// The hero named on the story when the medallion was given.
    public var hero: String
    public var givenAt: Date
    /// The calendar year (UTC) whose allowance it was taken from.
    public var year: Int

    public init(id: Int, storyID: StoryID, giver: String, hero: String, givenAt: Date, year: Int) {
        self.id = id
        self.storyID = storyID
        self.giver = giver
        self.hero = hero
        self.givenAt = givenAt
        self.year = year
    }
}

/// A record of a change to the board. Written in the same transaction as the change; never edited.
public struct AuditEvent: Equatable, Sendable, Codable {
    public var id: Int
    public var at: Date
    public var actor: String
    public var action: String
    public var storyID: StoryID?
    public var detail: String
    /// The broker's host that wrote it, on a board many offices share (PostgreSQL); nil on a
    /// file board, whose writers are all on one host.
    public var host: String?

    public init(id: Int, at: Date, actor: String, action: String, storyID: StoryID?, detail: String, host: String? = nil) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.storyID = storyID
        self.detail = detail
        self.host = host
    }
}
