/// What `BoardService.changes()` tells a front end: the one answer to "has the board changed?"
/// (issue 12). Each implementation decides how it finds out (inotify and `PRAGMA data_version`
/// for a file, pushed events for a broker); front ends only re-read.
public enum BoardChange: Equatable, Sendable {
    /// Someone else committed, or the board is readable again after a problem: re-read.
    case changed
    /// The board cannot be read now (deleted, replaced by something unreadable, damaged): keep
    /// showing the last good data, with this one-line reason.
    case unavailable(String)
}
