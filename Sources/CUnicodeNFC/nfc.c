#include "sipas_nfc.h"
#include <stdlib.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

int32_t sipas_nfc_utf8(const uint8_t *input, int32_t length, uint8_t *output, int32_t capacity) {
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
