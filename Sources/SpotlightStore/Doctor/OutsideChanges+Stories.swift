import SpotlightCore

/// What `doctor` compares of each story with its audit records.
public struct StoryFacts: Sendable, Equatable {
    public var id: StoryID
    public var author: String
    /// The stored status word: `visible`, `hidden` or `removed`.
    public var status: String
    public var pinnedBy: String?

    public init(id: StoryID, author: String, status: String, pinnedBy: String?) {
        self.id = id
        self.author = author
        self.status = status
        self.pinnedBy = pinnedBy
    }
}

extension OutsideChanges {
    /// Each story's author, pin and status must match the last audit record of each: forged
    /// authorship, a pin or a hide set by hand, or one undone that way, all show here.
    /// `events`: the post, pin, unpin, hide, unhide and remove records, oldest first;
    /// `stories`: every story, by id.
    public static func storyDifferences(events: [AuditFact], stories: [StoryFacts]) -> [String] {
        var poster: [Int: String] = [:], lastPin: [Int: (action: String, actor: String)] = [:], lastStatus: [Int: String] = [:]
        for event in events {
            guard let id = event.storyID else { continue }
            switch event.action {
            case "post": if poster[id] == nil { poster[id] = event.actor }
            case "pin", "unpin": lastPin[id] = (event.action, event.actor)
            default: lastStatus[id] = event.action
            }
        }
        var found: [String] = []
        for story in stories {
            let id = story.id, author = story.author
            switch poster[id] {
            case nil: found.append("story #\(id) (credited to \(author)) has no record of being posted")
            case let actor? where actor != author: found.append("story #\(id) is credited to \(author) but was posted by \(actor)")
            default: break
            }
            if let pinnedBy = story.pinnedBy, !(lastPin[id]?.action == "pin" && lastPin[id]?.actor == pinnedBy) {
                found.append("story #\(id) is pinned by \(pinnedBy) with no record of the pin")
            } else if story.pinnedBy == nil, lastPin[id]?.action == "pin" {
                found.append("story #\(id) was unpinned with no record of it")
            }
            let expected = switch lastStatus[id] {
            case "hide": "hidden"
            case "remove": "removed"
            default: "visible"
            }
            if story.status != expected { found.append("story #\(id) is \(story.status), but the audit log says \(expected)") }
        }
        return found
    }
}
