#include "sipas_nfc.h"
#include <pthread.h>
#include <stdlib.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

int32_t sipas_nfc_utf8_icu(const uint8_t *input, int32_t length, uint8_t *output, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return INT32_MIN;
    /* UTF-16 never has more code units than the UTF-8 has bytes; NFC of NFD text is no longer than
     * it, and any composition is at most three times as long (Unicode's stated bound for NFC). */
    UChar small[2 * 1024];
    int32_t units = length + 1, normalizedUnits = 3 * length + 16;
    UChar *buffer = small;
    if (units + normalizedUnits > (int32_t)(sizeof small / sizeof small[0])) {
        buffer = malloc(sizeof(UChar) * (size_t)(units + normalizedUnits));
        if (buffer == NULL) return INT32_MIN;
    }
    UChar *utf16 = buffer, *normalized = buffer + units;
    int32_t utf16Length = 0, result = INT32_MIN;
    u_strFromUTF8(utf16, units, &utf16Length, (const char *)input, length, &status);
    if (U_SUCCESS(status)) {
        int32_t n = unorm2_normalize(nfc, utf16, utf16Length, normalized, normalizedUnits, &status);
        if (U_SUCCESS(status)) {
            int32_t bytes = 0;
            u_strToUTF8((char *)output, capacity, &bytes, normalized, n, &status);
            if (status == U_BUFFER_OVERFLOW_ERROR) result = -bytes;
            else if (U_SUCCESS(status)) result = bytes;
        }
    }
    if (buffer != small) free(buffer);
    return result;
}

/* ---- Latin letters with Vietnamese marks: ICU's answers, asked once ------------------------------
 *
 * The eight combining marks decomposed Vietnamese is written with: five tones (grave, acute, tilde,
 * hook above, dot below) and three vowel marks (circumflex, breve, horn). */
static const UChar32 marks[8] = {0x0300, 0x0301, 0x0303, 0x0309, 0x0323, 0x0302, 0x0306, 0x031B};

/* The letters kept: U+0000–U+024F (ASCII, Latin-1, Latin Extended-A and -B) and U+1E00–U+1EFF (Latin
 * Extended Additional, where the Vietnamese letters with two marks live). */
enum { lowCount = 0x250, highFirst = 0x1E00, highCount = 0x100, slots = lowCount + highCount };

static int slot_of(UChar32 c) {
    if (c < lowCount) return c;
    if (c >= highFirst && c < highFirst + highCount) return lowCount + (c - highFirst);
    return -1;
}

static int mark_index(UChar32 c) {
    switch (c) {
    case 0x0300: return 0; case 0x0301: return 1; case 0x0303: return 2; case 0x0309: return 3;
    case 0x0323: return 4; case 0x0302: return 5; case 0x0306: return 6; case 0x031B: return 7;
    default: return -1;
    }
}

/* stable[s]: the letter starts a new normalisation segment whatever precedes it (ICU's
 * hasBoundaryBefore) and is its own NFC (every letter of the two ranges is, in ICU 72; asked all the same
 * for another ICU). composed[s][m]: the single code point ICU makes of the
 * letter followed by mark m (NFC of the pair), 0 when it makes more than one. */
static uint8_t stable[slots];
static uint16_t composed[slots][8];
static int tableReady;
static pthread_once_t tableOnce = PTHREAD_ONCE_INIT;

static void build_table(void) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return;
    for (UChar32 c = 0; c < highFirst + highCount; c++) {
        int s = slot_of(c);
        if (s < 0) continue;
        UChar one[1] = {(UChar)c}, out[8];
        status = U_ZERO_ERROR;
        int32_t n = unorm2_normalize(nfc, one, 1, out, 8, &status);
        stable[s] = U_SUCCESS(status) && n == 1 && out[0] == (UChar)c && unorm2_hasBoundaryBefore(nfc, c);
        if (!stable[s] && c < 0x80) return;  /* never: ASCII is its own NFC; if ICU says otherwise, trust nothing */
        for (int m = 0; m < 8; m++) {
            UChar pair[2] = {(UChar)c, (UChar)marks[m]};
            status = U_ZERO_ERROR;
            n = unorm2_normalize(nfc, pair, 2, out, 8, &status);
            composed[s][m] = (U_SUCCESS(status) && n == 1 && !U16_IS_SURROGATE(out[0])) ? out[0] : 0;
        }
    }
    tableReady = 1;
}

static int put_utf8(uint8_t *output, int32_t capacity, int32_t at, UChar32 c) {
    int need = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (at + need > capacity) return -1;
    switch (need) {
    case 1: output[at] = (uint8_t)c; break;
    case 2: output[at] = (uint8_t)(0xC0 | (c >> 6)); output[at + 1] = (uint8_t)(0x80 | (c & 0x3F)); break;
    case 3:
        output[at] = (uint8_t)(0xE0 | (c >> 12)); output[at + 1] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        output[at + 2] = (uint8_t)(0x80 | (c & 0x3F));
        break;
    default:
        output[at] = (uint8_t)(0xF0 | (c >> 18)); output[at + 1] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
        output[at + 2] = (uint8_t)(0x80 | ((c >> 6) & 0x3F)); output[at + 3] = (uint8_t)(0x80 | (c & 0x3F));
    }
    return need;
}

/* NFC is closed under this step: NFC(x + y) = NFC(NFC(x) + y). So a letter followed by marks is
 * composed one mark at a time from the table, as long as each step gives one code point; a letter
 * with a boundary before it starts a new segment, whose NFC is independent of what came before.
 * Anything else (another mark, a letter outside the ranges that is not inert, a pair ICU does not
 * make into one code point, malformed UTF-8) declines, and ICU normalises the whole text. */
int32_t sipas_nfc_utf8_latin(const uint8_t *input, int32_t length, uint8_t *output, int32_t capacity) {
    pthread_once(&tableOnce, build_table);
    if (!tableReady) return SIPAS_NFC_DECLINED;
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return SIPAS_NFC_DECLINED;
    int32_t i = 0, at = 0;
    UChar32 pending = -1;  /* the letter (or inert character) whose segment is open */
    while (i < length) {
        uint8_t b = input[i];
        UChar32 c;
        if (b < 0x80) { c = b; i += 1; }
        else if ((b & 0xE0) == 0xC0 && i + 1 < length && (input[i + 1] & 0xC0) == 0x80) {
            c = ((UChar32)(b & 0x1F) << 6) | (input[i + 1] & 0x3F);
            if (c < 0x80) return SIPAS_NFC_DECLINED;
            i += 2;
        } else if ((b & 0xF0) == 0xE0 && i + 2 < length && (input[i + 1] & 0xC0) == 0x80 && (input[i + 2] & 0xC0) == 0x80) {
            c = ((UChar32)(b & 0x0F) << 12) | ((UChar32)(input[i + 1] & 0x3F) << 6) | (input[i + 2] & 0x3F);
            if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return SIPAS_NFC_DECLINED;
            i += 3;
        } else if ((b & 0xF8) == 0xF0 && i + 3 < length && (input[i + 1] & 0xC0) == 0x80 &&
                   (input[i + 2] & 0xC0) == 0x80 && (input[i + 3] & 0xC0) == 0x80) {
            c = ((UChar32)(b & 0x07) << 18) | ((UChar32)(input[i + 1] & 0x3F) << 12) |
                ((UChar32)(input[i + 2] & 0x3F) << 6) | (input[i + 3] & 0x3F);
            if (c < 0x10000 || c > 0x10FFFF) return SIPAS_NFC_DECLINED;
            i += 4;
        } else {
            return SIPAS_NFC_DECLINED;
        }
        int m = mark_index(c);
        if (m >= 0) {
            int s = pending < 0 ? -1 : slot_of(pending);
            if (s < 0 || composed[s][m] == 0) return SIPAS_NFC_DECLINED;
            pending = composed[s][m];
            continue;
        }
        int s = slot_of(c);
        if (s >= 0 ? !stable[s] : !unorm2_isInert(nfc, c)) return SIPAS_NFC_DECLINED;
        if (pending >= 0) {
            int n = put_utf8(output, capacity, at, pending);
            if (n < 0) return SIPAS_NFC_DECLINED;
            at += n;
        }
        pending = c;
    }
    if (pending >= 0) {
        int n = put_utf8(output, capacity, at, pending);
        if (n < 0) return SIPAS_NFC_DECLINED;
        at += n;
    }
    return at;
}

int32_t sipas_nfc_utf8(const uint8_t *input, int32_t length, uint8_t *output, int32_t capacity) {
    int32_t n = sipas_nfc_utf8_latin(input, length, output, capacity);
    return n == SIPAS_NFC_DECLINED ? sipas_nfc_utf8_icu(input, length, output, capacity) : n;
}
