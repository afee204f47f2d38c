/// What `doctor` reports as "changed outside spotlight", decided from rows each store has read
/// and decoded: spotlight writes every change with its audit record and recounts every counter
/// from its rows, so an edit made with `sqlite3` or `psql` leaves traces. The SQL that gathers
/// the rows stays in each store (`BoardStore+Consistency`, `PostgreSQLBoard+Doctor`); the
/// judgement and its wording live here once, so the two boards report alike.
public enum OutsideChanges {}
