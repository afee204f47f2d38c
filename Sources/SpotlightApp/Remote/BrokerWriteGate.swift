/// One write at a time through the broker, first come first served. Every account has its own
/// connection, and the store runs every SQLite call of the process on one thread
/// (`BoardStore.threadPool`): two accounts writing at once made the second wait for the write
/// lock in SQLite's busy handler *on that thread*, so the first could not finish its
/// transaction until the 10 s busy timeout ran out — 8 voting accounts crawled at a few votes a
/// minute (issue 13's figures). SQLite serialises writers anyway; queueing them here, where
/// waiting costs no thread, loses nothing. Reads (WAL) never wait for a writer.
actor BrokerWriteGate {
    private var isBusy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        guard isBusy else {
            isBusy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the gate to the next writer waiting, if any.
    func leave() {
        if waiting.isEmpty {
            isBusy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
