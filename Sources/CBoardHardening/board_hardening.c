// sqlite-nio keeps the sqlite3* handle internal and Swift cannot call C variadics such as
// sqlite3_db_config, so the board's connections are hardened here, by the auto-extension
// mechanism SQLite provides for exactly this: it runs inside sqlite3_open_v2 for every
// connection of the process. The functions are those of the SQLite bundled in sqlite-nio
// (symbols prefixed sqlite_nio_), linked into the same binary.
#include "board_hardening.h"
#include <sqlite_nio_sqlite3.h>
#include <pthread.h>

static int harden(sqlite3 *db, char **error, const void *api) {
    (void)error;
    (void)api;
    int on = -1;
    // A member who can write the file must not be able to make root's process run their SQL
    // functions through a view or trigger (trusted_schema), write shadow tables or the schema
    // directly (defensive), or crash it with a malformed b-tree cell (cell_size_check).
    if (sqlite_nio_sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, &on) != SQLITE_OK || on != 1) return SQLITE_ERROR;
    if (sqlite_nio_sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, &on) != SQLITE_OK || on != 0) return SQLITE_ERROR;
    return sqlite_nio_sqlite3_exec(db, "PRAGMA cell_size_check = ON", 0, 0, 0);
}

static int result = -1;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void install(void) {
    result = sqlite_nio_sqlite3_auto_extension((void (*)(void))harden);
}

int board_hardening_install(void) {
    pthread_once(&once, install);
    return result;
}
