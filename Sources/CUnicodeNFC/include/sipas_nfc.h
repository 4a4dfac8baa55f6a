#ifndef SIPAS_NFC_H
#define SIPAS_NFC_H
#include <stdint.h>

/* Unicode NFC of UTF-8 text through ICU's normaliser (Debian's libicu-dev). Only plain C types cross
 * this header, so no ICU header reaches Swift (Foundation carries its own ICU copy; their headers
 * would clash).
 *
 * Writes the NFC form of `length` bytes of valid UTF-8 at `input` to `output` and returns its length
 * in bytes. When `capacity` is too small, returns minus the capacity needed (nothing usable is
 * written); on invalid UTF-8 or another ICU failure, returns INT32_MIN. */
int32_t sipas_nfc_utf8(const uint8_t *input, int32_t length, uint8_t *output, int32_t capacity);

#endif
