#ifndef SIPAS_CEXPAT_SHIM_H
#define SIPAS_CEXPAT_SHIM_H
#include <expat.h>
#endif
