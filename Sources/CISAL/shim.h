#ifndef SIPAS_CISAL_SHIM_H
#define SIPAS_CISAL_SHIM_H
/* Intel's ISA-L (Debian's libisal-dev), for its inflate alone: a zip member's raw deflate data, with the
 * CRC-32 (the one gzip and zip share) computed as it goes. About three times zlib's speed with zlib's
 * crc32 on a workbook's sheet (README: Workbooks). */
#include <isa-l/igzip_lib.h>
#endif
