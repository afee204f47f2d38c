/// The audit details that `doctor` reads back to match a manager with the record of their
/// appointment: written and read through one place so the two cannot drift apart (and by every
/// `BoardService`, so their audit rows read alike).
public enum AuditDetail {
    public static func created(firstManager login: String) -> String { "created the board; \(login) is its first manager" }
    public static func madeManager(_ login: String) -> String { "made \(login) a manager" }
    public static func removedManager(_ login: String) -> String { "removed \(login) as a manager" }
}
