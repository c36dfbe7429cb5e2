#ifndef KIOSK_CSQLITE_SHIM_H
#define KIOSK_CSQLITE_SHIM_H
#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro Swift does not import: SQLite copies the bound text at once.
static inline sqlite3_destructor_type kiosk_sqlite_transient(void) { return SQLITE_TRANSIENT; }
#endif
