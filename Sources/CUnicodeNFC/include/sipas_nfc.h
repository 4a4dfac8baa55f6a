#ifndef SIPAS_NFC_H
#define SIPAS_NFC_H
#include <stdint.h>

/* Unicode NFC of UTF-8 text through ICU's normaliser (Debian's libicu-dev). Only plain C types cross
 * this header, so no ICU header reaches Swift (Foundation carries its own ICU copy; their headers
 * would clash).
 *
 * Writes the NFC form of `length` bytes of valid UTF-8 at `input` to `output` and returns its length
 * in bytes. When `capacity` is too small, returns minus the capacity needed (nothing usable is
 * written); on invalid UTF-8 or another ICU failure, returns INT32_MIN.
 *
 * Text of Latin letters and the eight marks decomposed Vietnamese is written with is composed from a
 * table of ICU's own answers for each letter and mark (`sipas_nfc_utf8_latin`); any other text goes
 * to ICU whole (`sipas_nfc_utf8_icu`). */
int32_t sipas_nfc_utf8(const uint8_t *input, int32_t length, uint8_t *output, int32_t capacity);

/* What `sipas_nfc_utf8_latin` returns for text it leaves to ICU (and for a too small `capacity`). */
#define SIPAS_NFC_DECLINED (-2147483647)

/* NFC from the table alone: Latin letters (U+0000–U+024F, U+1E00–U+1EFF), each followed by any of
 * U+0300, U+0301, U+0303, U+0309, U+0323, U+0302, U+0306, U+031B as long as ICU composes the letter
 * and each next mark into one code point, and characters ICU calls normalisation-inert. Anything else:
 * SIPAS_NFC_DECLINED. */
int32_t sipas_nfc_utf8_latin(const uint8_t *input, int32_t length, uint8_t *output, int32_t capacity);

/* NFC through ICU's normaliser, whatever the text. */
int32_t sipas_nfc_utf8_icu(const uint8_t *input, int32_t length, uint8_t *output, int32_t capacity);

#endif
