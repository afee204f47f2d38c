import SpotlightStore

/// The store answers the reports' questions with the very methods `SQLiteBoard` forwards to.
/// For the runners that still hold a `BoardStore` (`BoardLink`, `BoardEffectRunner`) and share
/// `StatsLines` with the commands: delete once they are handed a `BoardService` (issue 12).
extension BoardStore: BoardReports {}
