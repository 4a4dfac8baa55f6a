#ifndef SIPAS_CXLSXWRITER_SHIM_H
#define SIPAS_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
