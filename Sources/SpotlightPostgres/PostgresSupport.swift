#if PostgreSQLSupport
/// Built with the trait PostgreSQLSupport: `spotlight serve --store postgresql://…` is available.
public enum PostgresSupport {
    public static let isAvailable = true
}
#else
/// Built without the trait PostgreSQLSupport: this module is empty but for this answer.
public enum PostgresSupport {
    public static let isAvailable = false
}
#endif
