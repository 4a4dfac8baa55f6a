#ifndef SIPAS_CLIBXML2_SHIM_H
#define SIPAS_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU, so its encoding.h would include the system's ICU headers, which
 * clash with the ICU copy inside Swift's Foundation. sipas never touches libxml2's encoding handlers
 * (only pointers to them sit in the parser context), so the ICU part of the headers is left out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#endif
