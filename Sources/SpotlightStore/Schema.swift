/// The board's tables. `user_version` holds the schema version; each entry of `migrations`
/// moves a board one version forward, inside the same transaction as the version bump.
enum Schema {
    /// 'SPOT': marks an SQLite file as a Spotlight board, so a stranger's database is refused.
    static let applicationID: Int32 = 0x5350_4F54

    static var currentVersion: Int { migrations.count }

    /// migrations[n] takes a board from version n to n + 1. Never edit a shipped entry; append.
    static let migrations: [[String]] = [version1, version2]

    private static let version1 = [
        """
        CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID
        """,
        """
        CREATE TABLE managers(
            login TEXT PRIMARY KEY, added_by TEXT NOT NULL, added_at INTEGER NOT NULL) WITHOUT ROWID
        """,
        """
        CREATE TABLE stories(
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL, body TEXT NOT NULL, hero TEXT NOT NULL, department TEXT NOT NULL,
            customer TEXT NOT NULL CHECK (customer IN ('external', 'internal')),
            tags TEXT NOT NULL,
            author TEXT NOT NULL, author_name TEXT NOT NULL, on_behalf_of TEXT,
            created_at INTEGER NOT NULL, edited_at INTEGER,
            status TEXT NOT NULL DEFAULT 'visible' CHECK (status IN ('visible', 'hidden', 'removed')),
            votes INTEGER NOT NULL DEFAULT 0 CHECK (votes >= 0),
            medallions INTEGER NOT NULL DEFAULT 0 CHECK (medallions >= 0),
            points INTEGER NOT NULL DEFAULT 1,
            hot REAL NOT NULL,
            pinned_by TEXT, pinned_at INTEGER, pin_until INTEGER, pin_note TEXT)
        """,
        // One index per list order, so the top 20 of any order is read without a sort.
        "CREATE INDEX stories_by_hot ON stories(status, hot DESC, id DESC)",
        "CREATE INDEX stories_by_points ON stories(status, points DESC, id DESC)",
        "CREATE INDEX stories_by_new ON stories(status, created_at DESC, id DESC)",
        "CREATE INDEX stories_by_department ON stories(department, status, hot DESC, id DESC)",
        "CREATE INDEX stories_by_author ON stories(author, status)",
        "CREATE INDEX stories_pinned ON stories(pinned_at) WHERE pinned_at IS NOT NULL",
        """
        CREATE TABLE votes(
            story_id INTEGER NOT NULL REFERENCES stories(id), voter TEXT NOT NULL, at INTEGER NOT NULL,
            PRIMARY KEY (story_id, voter)) WITHOUT ROWID
        """,
        """
        CREATE TABLE medallions(
            id INTEGER PRIMARY KEY, story_id INTEGER NOT NULL REFERENCES stories(id),
            giver TEXT NOT NULL, hero TEXT NOT NULL, given_at INTEGER NOT NULL, year INTEGER NOT NULL,
            UNIQUE (giver, story_id))
        """,
        "CREATE INDEX medallions_by_giver_year ON medallions(giver, year)",
        """
        CREATE TABLE audit(
            id INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
            story_id INTEGER, detail TEXT NOT NULL)
        """,
        // External-content FTS5 index kept in step by triggers, so search never drifts from the rows.
        """
        CREATE VIRTUAL TABLE stories_fts USING fts5(
            title, body, hero, tags, content='stories', content_rowid='id', tokenize='unicode61 remove_diacritics 2')
        """,
        """
        CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN
            INSERT INTO stories_fts(rowid, title, body, hero, tags) VALUES (new.id, new.title, new.body, new.hero, new.tags);
        END
        """,
        """
        CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
            INSERT INTO stories_fts(stories_fts, rowid, title, body, hero, tags)
            VALUES ('delete', old.id, old.title, old.body, old.hero, old.tags);
        END
        """,
        """
        CREATE TRIGGER stories_fts_update AFTER UPDATE OF title, body, hero, tags ON stories BEGIN
            INSERT INTO stories_fts(stories_fts, rowid, title, body, hero, tags)
            VALUES ('delete', old.id, old.title, old.body, old.hero, old.tags);
            INSERT INTO stories_fts(rowid, title, body, hero, tags) VALUES (new.id, new.title, new.body, new.hero, new.tags);
        END
        """,
    ]

    /// Certification (issue 16): programs, the levels people hold, and quiz attempts.
    private static let version2 = [
        // The program as its file gave it (JSON of `CertProgram`); unique by the NameKey of its
        // name, so "Service Standards" and "service  standards" cannot both exist.
        """
        CREATE TABLE cert_programs(
            id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, program TEXT NOT NULL,
            added_by TEXT NOT NULL, added_at INTEGER NOT NULL)
        """,
        // A revoked certification keeps its row (who revoked it and when) for the audit trail;
        // only one unrevoked row per person, program and level.
        """
        CREATE TABLE certifications(
            id INTEGER PRIMARY KEY, login TEXT NOT NULL, program_id INTEGER NOT NULL REFERENCES cert_programs(id),
            level INTEGER NOT NULL CHECK (level >= 1),
            source TEXT NOT NULL CHECK (source IN ('quiz', 'manager')),
            granted_by TEXT NOT NULL, at INTEGER NOT NULL, note TEXT NOT NULL,
            revoked_by TEXT, revoked_at INTEGER)
        """,
        "CREATE UNIQUE INDEX certifications_held ON certifications(login, program_id, level) WHERE revoked_at IS NULL",
        "CREATE INDEX certifications_by_at ON certifications(at)",
        // The seed replays exactly what was shown; `answers` are the shown answers chosen so far
        // (comma-separated, one per question as asked), so each question is graded once; score
        // and passed stay NULL until the attempt is finished (a hang-up leaves them so, and the
        // attempt still counts for the day).
        """
        CREATE TABLE quiz_attempts(
            id INTEGER PRIMARY KEY, login TEXT NOT NULL, program_id INTEGER NOT NULL REFERENCES cert_programs(id),
            seed INTEGER NOT NULL, started_at INTEGER NOT NULL, answers TEXT NOT NULL DEFAULT '',
            finished_at INTEGER, score INTEGER, passed INTEGER CHECK (passed IN (0, 1)))
        """,
        "CREATE INDEX quiz_attempts_by_login ON quiz_attempts(login, program_id, started_at)",
    ]
}
