import Foundation

/// One endpoint of the broker's API: method, path under `/v1/` (`{id}` is a story id, digits
/// only) and whether it changes the board (counted by the per-account write rate).
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    public let method: String
    public let path: String
    public let isWrite: Bool
    /// The query parameters it takes; any other is a 400.
    public let query: [String]

    /// The path's segments and whether one is `{id}`, split once: every request is matched
    /// against every endpoint (`BoardAPI.route`), twice a write.
    let segments: [String]
    let takesID: Bool

    init(_ method: String, _ path: String, write: Bool = false, query: [String] = []) {
        self.method = method
        self.path = path
        self.isWrite = write
        self.query = query
        segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        takesID = segments.contains("{id}")
    }

    public var description: String { method + " " + path }

    /// The story id when `path` fits this endpoint's pattern, `.some(nil)` for a pattern
    /// without one, nil when it does not fit.
    func match(_ path: String) -> Int?? {
        match(segments: path.split(separator: "/", omittingEmptySubsequences: false))
    }

    func match(segments actual: [Substring]) -> Int?? {
        guard segments.count == actual.count else { return nil }
        var id: Int?
        for (expected, given) in zip(segments, actual) {
            if expected == "{id}" {
                guard !given.isEmpty, given.utf8.count <= 18, given.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                      let value = Int(given) else { return nil }
                id = value
            } else if expected != given {
                return nil
            }
        }
        return .some(id)
    }
}

/// The broker's API (issue 13, docs/api.md): every `BoardService` and `BoardReports` operation,
/// in ONE table. Curl-friendly REST for the everyday ones; the rest RPC-style
/// `POST /v1/<group>/<operation>` with a JSON arguments object. `RemoteBoard` sends these,
/// `BoardBroker` answers them, and a test holds docs/api.md to this list.
public enum BoardAPI {
    /// The API's version: the `v1` of the paths.
    public static let version = 1

    // Who and what
    public static let getVersion = Endpoint("GET", "/v1/version")
    public static let whoami = Endpoint("GET", "/v1/whoami")
    /// Served by the network layer from `BrokerApplication.events()`, listed for the docs.
    public static let events = Endpoint("GET", "/v1/events")

    // Reads
    public static let settings = Endpoint("GET", "/v1/settings")
    public static let managers = Endpoint("GET", "/v1/managers")
    public static let isManager = Endpoint("GET", "/v1/managers/check", query: ["login"])
    public static let stories = Endpoint("GET", "/v1/stories", query: QueryReader.storyQueryNames)
    public static let story = Endpoint("GET", "/v1/stories/{id}")
    public static let storyCount = Endpoint("GET", "/v1/stories/count")
    public static let pinnedStories = Endpoint("GET", "/v1/pins")
    public static let departments = Endpoint("GET", "/v1/departments")
    public static let hasVoted = Endpoint("GET", "/v1/stories/{id}/vote")
    public static let medallionsLeft = Endpoint("GET", "/v1/medallions/left")
    public static let audit = Endpoint("GET", "/v1/audit", query: ["limit"])
    public static let wall = Endpoint("GET", "/v1/wall", query: ["highlightSince"])

    // Paging (the interactive board)
    public static let page = Endpoint("POST", "/v1/board/page")
    public static let count = Endpoint("POST", "/v1/board/count")
    public static let votedAmong = Endpoint("POST", "/v1/board/voted")
    public static let pageOfIDs = Endpoint("POST", "/v1/board/page-of")

    // Writes
    public static let post = Endpoint("POST", "/v1/stories", write: true)
    public static let edit = Endpoint("PUT", "/v1/stories/{id}", write: true)
    public static let upvote = Endpoint("POST", "/v1/stories/{id}/vote", write: true)
    public static let unvote = Endpoint("DELETE", "/v1/stories/{id}/vote", write: true)
    public static let giveMedallion = Endpoint("POST", "/v1/stories/{id}/medallion", write: true)
    public static let revokeMedallion = Endpoint("DELETE", "/v1/stories/{id}/medallion", write: true)
    public static let pin = Endpoint("POST", "/v1/stories/{id}/pin", write: true)
    public static let unpin = Endpoint("DELETE", "/v1/stories/{id}/pin", write: true)
    public static let setStatus = Endpoint("PUT", "/v1/stories/{id}/status", write: true)
    public static let addManager = Endpoint("POST", "/v1/managers", write: true)
    public static let removeManager = Endpoint("DELETE", "/v1/managers", write: true, query: ["login"])
    public static let setSetting = Endpoint("PUT", "/v1/settings", write: true)
    public static let seed = Endpoint("POST", "/v1/demo", write: true)

    // Reports' inputs (`BoardReports`)
    public static let reportStories = Endpoint("POST", "/v1/reports/stories")
    public static let reportPinned = Endpoint("POST", "/v1/reports/pinned")
    public static let reportMedallions = Endpoint("POST", "/v1/reports/medallions")
    public static let reportFirstPosts = Endpoint("POST", "/v1/reports/first-posts")
    public static let reportVoteTimes = Endpoint("POST", "/v1/reports/vote-times")
    public static let reportMedallionTimes = Endpoint("POST", "/v1/reports/medallion-times")

    // Visits
    public static let identity = Endpoint("GET", "/v1/visits/identity")
    public static let newestIDs = Endpoint("GET", "/v1/visits/newest")
    public static let visibleAbove = Endpoint("POST", "/v1/visits/above")
    public static let recognition = Endpoint("POST", "/v1/visits/recognition")
    public static let departmentsRecognising = Endpoint("POST", "/v1/visits/departments")
    public static let newStoryCount = Endpoint("POST", "/v1/visits/new-count")
    public static let news = Endpoint("POST", "/v1/visits/news")
    public static let marksNow = Endpoint("POST", "/v1/visits/marks-now")
    public static let closing = Endpoint("POST", "/v1/visits/closing")

    // Export and import
    public static let export = Endpoint("GET", "/v1/export")
    public static let importBoard = Endpoint("POST", "/v1/import", write: true)

    // What `doctor` asks
    public static let integrity = Endpoint("GET", "/v1/doctor/integrity")
    public static let schema = Endpoint("GET", "/v1/doctor/schema")
    public static let outsideChanges = Endpoint("GET", "/v1/doctor/outside-changes")

    // Certification
    public static let addProgram = Endpoint("POST", "/v1/cert/programs", write: true)
    public static let programs = Endpoint("GET", "/v1/cert/programs")
    public static let program = Endpoint("GET", "/v1/cert/program", query: ["name"])
    public static let startQuiz = Endpoint("POST", "/v1/cert/quiz/start", write: true)
    public static let finishQuiz = Endpoint("POST", "/v1/cert/quiz/finish", write: true)
    public static let answerQuiz = Endpoint("POST", "/v1/cert/quiz/answer", write: true)
    public static let grant = Endpoint("POST", "/v1/cert/grant", write: true)
    public static let revoke = Endpoint("POST", "/v1/cert/revoke", write: true)
    public static let certifications = Endpoint("GET", "/v1/cert/of", query: ["login"])
    public static let recentCertifications = Endpoint("GET", "/v1/cert/recent", query: ["since", "limit"])

    /// Every endpoint, in the order docs/api.md lists them.
    public static let all: [Endpoint] = [
        getVersion, whoami, events,
        settings, managers, isManager, stories, story, storyCount, pinnedStories, departments, hasVoted, medallionsLeft,
        audit, wall,
        page, count, votedAmong, pageOfIDs,
        post, edit, upvote, unvote, giveMedallion, revokeMedallion, pin, unpin, setStatus, addManager, removeManager,
        setSetting, seed,
        reportStories, reportPinned, reportMedallions, reportFirstPosts, reportVoteTimes, reportMedallionTimes,
        identity, newestIDs, visibleAbove, recognition, departmentsRecognising, newStoryCount, news, marksNow, closing,
        export, importBoard,
        integrity, schema, outsideChanges,
        addProgram, programs, program, startQuiz, finishQuiz, answerQuiz, grant, revoke, certifications,
        recentCertifications,
    ]

    /// What a request asks for: its endpoint and story id, or the error it gets (404 for a
    /// path nothing serves, 405 for a path served with other methods).
    public enum Route: Sendable, Equatable {
        case found(Endpoint, id: Int?)
        case unknownPath
        case wrongMethod(allowed: [String])
    }

    public static func route(method: String, path: String) -> Route {
        var allowed: [String] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        // Literal paths win over `{id}` ones (`/v1/stories/count` is not story "count").
        for literalFirst in [true, false] {
            for endpoint in all where endpoint.takesID != literalFirst {
                guard let id = endpoint.match(segments: segments) else { continue }
                if endpoint.method == method { return .found(endpoint, id: id) }
                if !allowed.contains(endpoint.method) { allowed.append(endpoint.method) }
            }
            if !allowed.isEmpty { return .wrongMethod(allowed: allowed) }
        }
        return .unknownPath
    }
}
