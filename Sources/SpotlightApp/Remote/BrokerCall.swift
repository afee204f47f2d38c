import Foundation
import SpotlightCore
import SpotlightStore

/// One request being answered by `BoardBroker`: its arguments read from the path, the query or
/// the JSON body, the operation run on the peer's own handle, the answer encoded.
struct BrokerCall {
    let request: BrokerRequest
    let id: Int?
    let board: any BoardService
    let peer: BrokerPeer

    func answer(_ endpoint: Endpoint) async throws(SpotlightError) -> [UInt8] {
        typealias A = BoardAPI
        let b = board
        // Every endpoint refuses query parameters it does not take, values checked below.
        _ = try QueryReader(request, allowed: endpoint.query)
        switch endpoint {
        // Who and what
        case A.whoami:
            return try encode(Wire.WhoAmI(account: peer.account, isReadOnly: b.isReadOnly, isImmutable: b.isImmutable,
                                          isOutOfSpace: b.isOutOfSpace, board: b.location,
                                          origin: BoardBroker.origin(of: request.clientTag, from: peer)))
        // Reads
        case A.settings: return try encode(try await b.settings())
        case A.managers: return try encode(try await b.managers())
        case A.isManager:
            let query = try QueryReader(request, allowed: endpoint.query)
            return try encode(Wire.Flag(value: try await b.isManager(try query.required("login"))))
        case A.stories: return try encode(try await b.stories(try await listQuery()))
        case A.story: return try encode(try await b.story(try storyID()))
        case A.storyCount: return try encode(Wire.Number(value: try await b.storyCount()))
        case A.pinnedStories: return try encode(try await b.pinnedStories())
        case A.departments:
            return try encode(try await b.departments().map { Wire.Department(name: $0.name, stories: $0.stories) })
        case A.hasVoted: return try encode(Wire.Flag(value: try await b.hasVoted(try storyID())))
        case A.medallionsLeft: return try encode(Wire.Number(value: try await b.medallionsLeft()))
        case A.audit:
            let query = try QueryReader(request, allowed: endpoint.query)
            return try encode(try await b.auditEvents(limit: try query.int("limit", in: 0...10_000) ?? 50))
        case A.wall:
            let query = try QueryReader(request, allowed: endpoint.query)
            return try encode(try await b.wallSnapshot(highlightSince: try query.date("highlightSince")))
        // Paging
        case A.page:
            let args = try await pageArguments()
            return try encode(try await b.page(args.query, counting: args.counting, matches: args.matches))
        case A.count:
            let args = try body(Wire.CountArguments.self)
            try await requireMayList(args.query)
            let count = try await b.storyCount(args.query, cap: args.cap)
            return try encode(Wire.Count(count: count.count, capped: count.capped))
        case A.votedAmong: return try encode(try await b.votedStories(among: try body(Wire.IDs.self).ids).sorted())
        case A.pageOfIDs:
            let args = try body(Wire.PageOfArguments.self)
            try Self.requireBounded(args.limit)
            return try encode(try await b.page(of: args.ids, offset: args.offset, limit: args.limit))
        // Writes
        case A.post: return try encode(try await b.post(try body(StoryDraft.self)))
        case A.edit:
            let args = try body(Wire.EditArguments.self)
            return try encode(try await b.edit(try storyID(), to: args.draft, unchangedSince: args.base))
        case A.upvote: return try encode(Wire.Flag(value: try await b.upvote(try storyID())))
        case A.unvote: return try encode(Wire.Flag(value: try await b.unvote(try storyID())))
        case A.giveMedallion: return try encode(Wire.Number(value: try await b.giveMedallion(try storyID())))
        case A.revokeMedallion:
            try await b.revokeMedallion(try storyID())
            return try encode(Wire.Empty())
        case A.pin:
            let args = request.body.isEmpty ? Wire.PinArguments() : try body(Wire.PinArguments.self)
            return try encode(Wire.Time(value: try await b.pin(try storyID(), until: args.until, note: args.note)))
        case A.unpin:
            try await b.unpin(try storyID())
            return try encode(Wire.Empty())
        case A.setStatus:
            try await b.setStatus(try storyID(), to: try body(Wire.StatusArguments.self).status)
            return try encode(Wire.Empty())
        case A.addManager:
            try await b.addManager(try body(Wire.Login.self).login)
            return try encode(Wire.Empty())
        case A.removeManager:
            try await b.removeManager(try QueryReader(request, allowed: endpoint.query).required("login"))
            return try encode(Wire.Empty())
        case A.setSetting:
            let args = try body(Wire.SettingArguments.self)
            try await b.setSetting(args.key, to: args.value)
            return try encode(Wire.Empty())
        case A.seed:
            let indexes = try body(Wire.SeedArguments.self).stories
            guard indexes.allSatisfy(DemoStories.all.indices.contains) else {
                throw .usage("`stories` must be indexes of the built-in demo stories (0…\(DemoStories.all.count - 1))")
            }
            return try encode(Wire.Number(value: try await b.seed(indexes.map { DemoStories.all[$0] })))
        // Reports
        case A.reportStories:
            let period = try body(Wire.Period.self)
            return try encode(try await b.reportStories(from: period.from, to: period.to,
                                                        bodyLength: period.bodyLength ?? BoardStore.reportBodyLength))
        case A.reportPinned:
            let period = try body(Wire.Period.self)
            return try encode(try await b.reportPinnedStories(from: period.from, to: period.to))
        case A.reportMedallions:
            let period = try body(Wire.Period.self)
            return try encode(try await b.reportMedallions(from: period.from, to: period.to))
        case A.reportFirstPosts:
            let period = try body(Wire.Period.self)
            return try encode(try await b.reportFirstPosts(from: period.from, to: period.to))
        case A.reportVoteTimes:
            let period = try body(Wire.Period.self)
            return try encode(try await b.reportVoteTimes(from: period.from, to: period.to))
        case A.reportMedallionTimes:
            let period = try body(Wire.Period.self)
            return try encode(try await b.reportMedallionTimes(from: period.from, to: period.to))
        // Visits: always the asking account's own.
        case A.identity: return try encode(Wire.Text(value: try await b.identity()))
        case A.newestIDs:
            let newest = try await b.newestIDs()
            return try encode(Wire.NewestIDs(story: newest.story, audit: newest.audit))
        case A.visibleAbove:
            let args = try body(Wire.AboveArguments.self)
            try Self.requireBounded(args.limit)
            return try encode(try await b.visibleStories(above: args.id, limit: args.limit))
        case A.recognition:
            let args = try body(Wire.RecognitionArguments.self)
            return try encode(try await b.recognition(of: args.author, afterAudit: args.afterAudit))
        case A.departmentsRecognising:
            return try encode(try await b.departments(recognising: try body(Wire.Names.self).names).sorted())
        case A.newStoryCount:
            return try encode(Wire.Number(value: try await b.newStoryCount(since: try body(Wire.MarksArguments.self).marks, for: peer.account)))
        case A.news:
            let args = try body(Wire.MarksArguments.self)
            try Self.requireBounded(args.limit ?? 1000)
            return try encode(try await b.news(since: args.marks, for: peer.account, limit: args.limit ?? 1000))
        case A.marksNow: return try encode(try await b.marksForEverythingNow(at: try body(Wire.AtArguments.self).at))
        case A.closing:
            let args = try body(Wire.AtArguments.self)
            guard let marks = args.marks else { throw .usage("bad arguments: `marks` is missing") }
            return try encode(try await b.closing(marks, at: args.at))
        // Export and import
        case A.export:
            // The export holds the quiz answer keys and who voted for what: outside the file,
            // only a manager takes it.
            try await requireManager("export the board")
            return try encode(try await b.export())
        case A.importBoard:
            try await b.importBoard(try body(BoardExport.self))
            return try encode(Wire.Empty())
        // Doctor
        case A.integrity: return try encode(Wire.Text(value: try await b.integrityCheck()))
        case A.schema: return try encode(Wire.Number(value: try await b.schemaVersion()))
        case A.outsideChanges: return try encode(try await b.outsideChanges())
        // Certification
        case A.addProgram: return try encode(try await b.addProgram(try body(CertProgram.self)))
        case A.programs: return try encode(try await withoutKeys(try await b.programs()))
        case A.program:
            let name = try QueryReader(request, allowed: endpoint.query).required("name")
            return try encode(try await withoutKeys([try await b.program(named: name)])[0])
        case A.startQuiz: return try encode(try await b.startQuiz(try body(Wire.ProgramName.self).program))
        case A.finishQuiz:
            let args = try body(Wire.FinishArguments.self)
            return try encode(try await b.finishQuiz(args.attempt, answers: args.answers))
        case A.answerQuiz:
            let args = try body(Wire.AnswerArguments.self)
            return try encode(try await b.answerQuiz(args.attempt, position: args.position, choice: args.choice))
        case A.grant:
            let args = try body(Wire.GrantArguments.self)
            return try encode(try await b.grantCertification(to: args.login, program: args.program, level: args.level,
                                                             note: args.note ?? ""))
        case A.revoke:
            let args = try body(Wire.GrantArguments.self)
            try await b.revokeCertification(of: args.login, program: args.program, level: args.level)
            return try encode(Wire.Empty())
        case A.certifications:
            return try encode(try await b.certifications(of: try QueryReader(request, allowed: endpoint.query).required("login")))
        case A.recentCertifications:
            let query = try QueryReader(request, allowed: endpoint.query)
            guard let since = try query.date("since") else { throw .usage("bad query: `since` is missing") }
            return try encode(try await b.recentCertifications(since: since, limit: try query.int("limit", in: 0...10_000) ?? 20))
        default:
            throw .notFound("no such endpoint: \(endpoint)")
        }
    }

    /// Programs as the peer may see them: a non-manager gets no answer key (`correct` is -1,
    /// no explanations), which the broker keeps to grade quizzes itself.
    private func withoutKeys(_ programs: [CertProgram]) async throws(SpotlightError) -> [CertProgram] {
        guard !(try await board.isManager(peer.account.login)) else { return programs }
        return programs.map { program in
            var program = program
            for index in program.quiz.questions.indices {
                program.quiz.questions[index].correct = -1
                program.quiz.questions[index].explanation = nil
            }
            return program
        }
    }

    /// A body's `limit`, as a query's is (`QueryReader.storyQuery`): one request never asks for
    /// more stories than a board of 100,000 holds, however it is spelt.
    private static func requireBounded(_ limit: Int) throws(SpotlightError) {
        guard (0...100_000).contains(limit) else { throw .usage("bad arguments: `limit` must be from 0 to 100000, got \(limit)") }
    }

    /// A list's query (`GET /v1/stories`), checked: hidden stories only for who may see them.
    func listQuery() async throws(SpotlightError) -> StoryQuery {
        let query = try QueryReader.storyQuery(request)
        try await requireMayList(query)
        return query
    }

    /// A page's arguments (`POST /v1/board/page`), checked: no query, a bounded `limit`, hidden
    /// stories only for who may see them.
    func pageArguments() async throws(SpotlightError) -> Wire.PageArguments {
        _ = try QueryReader(request, allowed: BoardAPI.page.query)
        let args = try body(Wire.PageArguments.self)
        try Self.requireBounded(args.query.limit)
        try await requireMayList(args.query)
        return args
    }

    /// Hidden stories are listed for managers, and for their authors (`BoardRules`).
    private func requireMayList(_ query: StoryQuery) async throws(SpotlightError) {
        try await BoardRules.requireMayList(peer.account, includingHidden: query.includeHidden, author: query.author) {
            () async throws(SpotlightError) in try await board.isManager(peer.account.login)
        }
    }

    private func requireManager(_ what: String) async throws(SpotlightError) {
        guard try await board.isManager(peer.account.login) else {
            throw .permission("only a manager may \(what) through the broker; \(peer.account.login) is not a manager of this board")
        }
    }

    private func storyID() throws(SpotlightError) -> StoryID {
        guard let id else { throw .usage("the path names no story") }
        return id
    }

    private func body<T: Decodable>(_ type: T.Type) throws(SpotlightError) -> T {
        guard !request.body.isEmpty else { throw .usage("bad arguments: the request has no JSON body") }
        return try BoardWire.decode(type, from: request.body, what: "arguments")
    }

    private func encode<T: Encodable>(_ value: T) throws(SpotlightError) -> [UInt8] { try BoardWire.encode(value) }
}
