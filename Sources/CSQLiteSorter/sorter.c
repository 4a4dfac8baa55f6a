#include "sipas_sqlite_sorter.h"
#include <sqlite3.h>

int sipas_sqlite_set_sorter_run_pages(int pages) {
    return sqlite3_config(SQLITE_CONFIG_PMASZ, (unsigned)pages);
}
