#ifndef SIPAS_SQLITE_SORTER_H
#define SIPAS_SQLITE_SORTER_H

/// Sets the size, in pages, of each in-memory run of SQLite's external sorter (`CREATE INDEX`, large
/// `ORDER BY`): `sqlite3_config(SQLITE_CONFIG_PMASZ, pages)`, which C alone can call (it is variadic).
/// SQLite takes it only before its first connection is opened in the process; returns SQLite's result
/// code (0 when taken, SQLITE_MISUSE = 21 when SQLite is already in use, which changes nothing).
int sipas_sqlite_set_sorter_run_pages(int pages);

#endif
