/// What a person submits to post or edit a story, before the board gives it an id.
public struct StoryDraft: Equatable, Sendable, Codable {
    public var title: String
    public var body: String
    public var hero: String
    public var department: String
    public var customer: CustomerKind
    public var tags: [String]
    public var onBehalfOf: String?

    public static let defaultDepartment = "General"

    public init(
        title: String, body: String = "", hero: String, department: String = StoryDraft.defaultDepartment,
        customer: CustomerKind = .external, tags: [String] = [], onBehalfOf: String? = nil
    ) {
        self.title = title
        self.body = body
        self.hero = hero
        self.department = department
        self.customer = customer
        self.tags = tags
        self.onBehalfOf = onBehalfOf
    }

    public init(_ story: Story) {
        self.init(title: story.title, body: story.body, hero: story.hero, department: story.department,
                  customer: story.customer, tags: story.tags, onBehalfOf: story.onBehalfOf)
    }
}

/// The fields a form shows, in order; validation problems point at one of them.
public enum StoryField: String, CaseIterable, Sendable, Codable {
    case title, body, hero, department, customer, tags, onBehalfOf = "on-behalf-of"
}

/// One reason a draft cannot be stored, phrased for the person who typed it.
public struct ValidationProblem: Equatable, Sendable {
    public let field: StoryField
    public let message: String
}

/// The limits of DESIGN §3. Lengths are counted in characters as people see them (grapheme
/// clusters); a byte ceiling stops a few "characters" made of thousands of combining marks from
/// growing without bound.
public enum StoryLimits {
    public static let title = 1...120
    public static let body = 0...4000
    public static let hero = 1...80
    public static let department = 1...60
    public static let onBehalfOf = 1...80
    public static let tagLength = 1...32
    public static let tagCount = 0...8
    /// Any single field, in UTF-8 bytes.
    public static let maxFieldBytes = 64 * 1024
}

extension StoryDraft {
    /// Every problem with the draft, in field order; empty when it may be stored.
    public func problems() -> [ValidationProblem] {
        var found: [ValidationProblem] = []
        func check(_ field: StoryField, _ text: String, _ limit: ClosedRange<Int>, required: Bool) {
            let count = text.count
            // Zero-width characters, soft hyphens and bidi controls alone do not fill a field.
            if required && !NameKey.hasVisibleGrapheme(text) {
                found.append(.init(field: field, message: "\(field.rawValue) is required"))
            } else if !limit.contains(count) {
                found.append(.init(field: field, message:
                    "\(field.rawValue) must be at most \(limit.upperBound) characters, got \(count)"))
            } else if text.utf8.count > StoryLimits.maxFieldBytes {
                found.append(.init(field: field, message:
                    "\(field.rawValue) is too large: \(text.utf8.count) bytes, the limit is \(StoryLimits.maxFieldBytes)"))
            }
        }
        check(.title, title, StoryLimits.title, required: true)
        check(.body, body, StoryLimits.body, required: false)
        check(.hero, hero, StoryLimits.hero, required: true)
        check(.department, department, StoryLimits.department, required: true)
        if let onBehalfOf {
            check(.onBehalfOf, onBehalfOf, StoryLimits.onBehalfOf, required: true)
        }
        if tags.count > StoryLimits.tagCount.upperBound {
            found.append(.init(field: .tags, message:
                "tags: at most \(StoryLimits.tagCount.upperBound) per story, got \(tags.count)"))
        }
        if let bad = tags.firstIndex(where: { !Self.isValidTag($0) }) {
            found.append(.init(field: .tags, message:
                "tag \(bad + 1) must be 1–\(StoryLimits.tagLength.upperBound) lowercase letters, digits or single hyphens, e.g. above-and-beyond"))
        }
        if Set(tags).count != tags.count {
            found.append(.init(field: .tags, message: "tags: each tag may appear only once"))
        }
        return found
    }

    /// Throws the first problem as a usage error (exit code 2).
    public func validate() throws(SpotlightError) {
        if let first = problems().first { throw .usage(first.message) }
    }

    /// `above-and-beyond`, `defused`, `recovery`: lowercase ASCII words joined by single hyphens.
    public static func isValidTag(_ tag: String) -> Bool {
        guard StoryLimits.tagLength.contains(tag.count) else { return false }
        let words = tag.split(separator: "-", omittingEmptySubsequences: false)
        return words.allSatisfy { word in
            !word.isEmpty && word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }

    /// Accepts `internal`/`external` in any case; the error lists the known kinds.
    public static func customerKind(parsing raw: String) throws(SpotlightError) -> CustomerKind {
        guard let kind = CustomerKind(rawValue: raw.lowercased()) else {
            throw .usage("customer must be one of: external, internal")
        }
        return kind
    }
}
