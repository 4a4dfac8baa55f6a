#ifndef SIPAS_CLIBCSV_SHIM_H
#define SIPAS_CLIBCSV_SHIM_H
#include <csv.h>
#endif
