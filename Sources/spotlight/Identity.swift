import SpotlightApp
import SpotlightCore

/// Who is running this process: `PasswdAccount.current()`, the OS account database with no
/// override (DESIGN §9). With a broker, the broker finds this out itself from the socket.
enum Identity {
    static func current() throws(SpotlightError) -> Account { try PasswdAccount.current() }
}
