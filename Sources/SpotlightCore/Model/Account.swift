/// A person as the operating system knows them. Identity is never taken from the environment
/// (DESIGN §9); the store and CLI obtain it from the OS and pass it in.
public struct Account: Hashable, Sendable, Codable {
    /// The login name, e.g. `mlopez`; the key for votes, medallions and manager rights.
    public let login: String
    /// The human name from GECOS, e.g. `Mary Lopez`; the login when GECOS is empty.
    public let displayName: String

    public init(login: String, displayName: String? = nil) {
        self.login = login
        let name = displayName?.split(separator: ",", maxSplits: 1).first.map(String.init) ?? ""
        self.displayName = name.isEmpty ? login : name
    }
}
