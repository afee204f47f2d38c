#ifndef BOARD_HARDENING_H
#define BOARD_HARDENING_H

/// Registers, once per process, an SQLite auto-extension that hardens every connection the
/// moment it is opened, before any schema is read: SQLITE_DBCONFIG_DEFENSIVE on,
/// SQLITE_DBCONFIG_TRUSTED_SCHEMA off, PRAGMA cell_size_check on. Returns 0 on success.
int board_hardening_install(void);

#endif
