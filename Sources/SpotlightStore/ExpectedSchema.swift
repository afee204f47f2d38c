/// The `sqlite_schema` rows the migrations make under the bundled SQLite (sqlite-nio's), as data:
/// what every write compares the board with (`SchemaCheck`). Building it in a scratch database
/// instead cost every writing command 3-4 M instructions (FTS5 setup, parsing; issue 17). Do not edit by hand:
/// `ExpectedSchemaTests` builds the schema from `Schema.migrations` and, when a migration changes,
/// fails with the new literal to paste here.
extension SchemaCheck {
    static let expected: Set<Object> = [
        Object(type: "index", name: "certifications_by_at", table: "certifications", sql:
            #"""
            CREATE INDEX certifications_by_at ON certifications(at)
            """#),
        Object(type: "index", name: "certifications_held", table: "certifications", sql:
            #"""
            CREATE UNIQUE INDEX certifications_held ON certifications(login, program_id, level) WHERE revoked_at IS NULL
            """#),
        Object(type: "index", name: "medallions_by_giver_year", table: "medallions", sql:
            #"""
            CREATE INDEX medallions_by_giver_year ON medallions(giver, year)
            """#),
        Object(type: "index", name: "quiz_attempts_by_login", table: "quiz_attempts", sql:
            #"""
            CREATE INDEX quiz_attempts_by_login ON quiz_attempts(login, program_id, started_at)
            """#),
        Object(type: "index", name: "sqlite_autoindex_cert_programs_1", table: "cert_programs", sql: nil),
        Object(type: "index", name: "sqlite_autoindex_medallions_1", table: "medallions", sql: nil),
        Object(type: "index", name: "stories_by_author", table: "stories", sql:
            #"""
            CREATE INDEX stories_by_author ON stories(author, status)
            """#),
        Object(type: "index", name: "stories_by_department", table: "stories", sql:
            #"""
            CREATE INDEX stories_by_department ON stories(department, status, hot DESC, id DESC)
            """#),
        Object(type: "index", name: "stories_by_hot", table: "stories", sql:
            #"""
            CREATE INDEX stories_by_hot ON stories(status, hot DESC, id DESC)
            """#),
        Object(type: "index", name: "stories_by_new", table: "stories", sql:
            #"""
            CREATE INDEX stories_by_new ON stories(status, created_at DESC, id DESC)
            """#),
        Object(type: "index", name: "stories_by_points", table: "stories", sql:
            #"""
            CREATE INDEX stories_by_points ON stories(status, points DESC, id DESC)
            """#),
        Object(type: "index", name: "stories_pinned", table: "stories", sql:
            #"""
            CREATE INDEX stories_pinned ON stories(pinned_at) WHERE pinned_at IS NOT NULL
            """#),
        Object(type: "table", name: "audit", table: "audit", sql:
            #"""
            CREATE TABLE audit(
                id INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                story_id INTEGER, detail TEXT NOT NULL)
            """#),
        Object(type: "table", name: "cert_programs", table: "cert_programs", sql:
            #"""
            CREATE TABLE cert_programs(
                id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, program TEXT NOT NULL,
                added_by TEXT NOT NULL, added_at INTEGER NOT NULL)
            """#),
        Object(type: "table", name: "certifications", table: "certifications", sql:
            #"""
            CREATE TABLE certifications(
                id INTEGER PRIMARY KEY, login TEXT NOT NULL, program_id INTEGER NOT NULL REFERENCES cert_programs(id),
                level INTEGER NOT NULL CHECK (level >= 1),
                source TEXT NOT NULL CHECK (source IN ('quiz', 'manager')),
                granted_by TEXT NOT NULL, at INTEGER NOT NULL, note TEXT NOT NULL,
                revoked_by TEXT, revoked_at INTEGER)
            """#),
        Object(type: "table", name: "managers", table: "managers", sql:
            #"""
            CREATE TABLE managers(
                login TEXT PRIMARY KEY, added_by TEXT NOT NULL, added_at INTEGER NOT NULL) WITHOUT ROWID
            """#),
        Object(type: "table", name: "medallions", table: "medallions", sql:
            #"""
            CREATE TABLE medallions(
                id INTEGER PRIMARY KEY, story_id INTEGER NOT NULL REFERENCES stories(id),
                giver TEXT NOT NULL, hero TEXT NOT NULL, given_at INTEGER NOT NULL, year INTEGER NOT NULL,
                UNIQUE (giver, story_id))
            """#),
        Object(type: "table", name: "quiz_attempts", table: "quiz_attempts", sql:
            #"""
            CREATE TABLE quiz_attempts(
                id INTEGER PRIMARY KEY, login TEXT NOT NULL, program_id INTEGER NOT NULL REFERENCES cert_programs(id),
                seed INTEGER NOT NULL, started_at INTEGER NOT NULL, answers TEXT NOT NULL DEFAULT '',
                finished_at INTEGER, score INTEGER, passed INTEGER CHECK (passed IN (0, 1)))
            """#),
        Object(type: "table", name: "settings", table: "settings", sql:
            #"""
            CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID
            """#),
        Object(type: "table", name: "stories", table: "stories", sql:
            #"""
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
            """#),
        Object(type: "table", name: "stories_fts", table: "stories_fts", sql:
            #"""
            CREATE VIRTUAL TABLE stories_fts USING fts5(
                title, body, hero, tags, content='stories', content_rowid='id', tokenize='unicode61 remove_diacritics 2')
            """#),
        Object(type: "table", name: "stories_fts_config", table: "stories_fts_config", sql:
            #"""
            CREATE TABLE 'stories_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID
            """#),
        Object(type: "table", name: "stories_fts_data", table: "stories_fts_data", sql:
            #"""
            CREATE TABLE 'stories_fts_data'(id INTEGER PRIMARY KEY, block BLOB)
            """#),
        Object(type: "table", name: "stories_fts_docsize", table: "stories_fts_docsize", sql:
            #"""
            CREATE TABLE 'stories_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB)
            """#),
        Object(type: "table", name: "stories_fts_idx", table: "stories_fts_idx", sql:
            #"""
            CREATE TABLE 'stories_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID
            """#),
        Object(type: "table", name: "votes", table: "votes", sql:
            #"""
            CREATE TABLE votes(
                story_id INTEGER NOT NULL REFERENCES stories(id), voter TEXT NOT NULL, at INTEGER NOT NULL,
                PRIMARY KEY (story_id, voter)) WITHOUT ROWID
            """#),
        Object(type: "trigger", name: "stories_fts_delete", table: "stories", sql:
            #"""
            CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
                INSERT INTO stories_fts(stories_fts, rowid, title, body, hero, tags)
                VALUES ('delete', old.id, old.title, old.body, old.hero, old.tags);
            END
            """#),
        Object(type: "trigger", name: "stories_fts_insert", table: "stories", sql:
            #"""
            CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN
                INSERT INTO stories_fts(rowid, title, body, hero, tags) VALUES (new.id, new.title, new.body, new.hero, new.tags);
            END
            """#),
        Object(type: "trigger", name: "stories_fts_update", table: "stories", sql:
            #"""
            CREATE TRIGGER stories_fts_update AFTER UPDATE OF title, body, hero, tags ON stories BEGIN
                INSERT INTO stories_fts(stories_fts, rowid, title, body, hero, tags)
                VALUES ('delete', old.id, old.title, old.body, old.hero, old.tags);
                INSERT INTO stories_fts(rowid, title, body, hero, tags) VALUES (new.id, new.title, new.body, new.hero, new.tags);
            END
            """#),
    ]
}
