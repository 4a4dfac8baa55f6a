#ifndef SIPAS_CZLIBSYSTEM_SHIM_H
#define SIPAS_CZLIBSYSTEM_SHIM_H
/* Debian's zlib (zlib1g-dev), for crc32() alone: ZIPFoundation links the same library under its own
 * module name (CZLib), which another package cannot import. */
#include <zlib.h>
#endif
