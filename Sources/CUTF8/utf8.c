// UTF-8 validation 32 bytes at a time: the "lookup" algorithm of Keiser and Lemire, "Validating UTF-8
// in less than one instruction per byte" (Software: Practice and Experience, 2021). Each byte is
// classified from its high nibble and the previous byte's two nibbles through three 16-entry tables
// (one shuffle each); every error sets a bit in at least one lane. Blocks are checked in full; the
// caller checks from the returned offset on byte by byte, which also tells a sequence cut short at
// the end from one that is wrong.
#include "sipas_utf8.h"

#if defined(__x86_64__)
#include <immintrin.h>

enum {
    TOO_SHORT = 1 << 0,   // lead byte followed by a lead byte or ASCII
    TOO_LONG = 1 << 1,    // ASCII followed by a continuation
    OVERLONG_3 = 1 << 2,  // E0 80..9F
    TOO_LARGE = 1 << 3,   // F4 90..BF, F5..FF
    SURROGATE = 1 << 4,   // ED A0..BF
    OVERLONG_2 = 1 << 5,  // C0, C1
    TOO_LARGE_1000 = 1 << 6,
    OVERLONG_4 = 1 << 6,  // F0 80..8F
    TWO_CONTS = 1 << 7,   // continuation after continuation (must be a 3rd or 4th byte)
    CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
};

#define AVX2 __attribute__((target("avx2")))

/// A 16-entry table in both 128-bit lanes (`_mm256_shuffle_epi8` looks up within a lane).
AVX2 static inline __m256i table16(const uint8_t t[16]) {
    return _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)t));
}

/// The block's bytes shifted right by `n` lanes, the previous block's last `n` bytes shifted in.
#define PREVIOUS(input, previous, n) \
    _mm256_alignr_epi8((input), _mm256_permute2x128_si256((previous), (input), 0x21), 16 - (n))

AVX2 static inline __m256i high_nibbles(__m256i v) {
    return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F));
}

AVX2 static inline __m256i block_errors(__m256i input, __m256i previous) {
    static const uint8_t byte1_high_table[16] = {
        TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
        TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,
        TOO_SHORT | OVERLONG_2, TOO_SHORT, TOO_SHORT | OVERLONG_3 | SURROGATE,
        (TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4)};
    const __m256i byte1_high = table16(byte1_high_table);
    static const uint8_t byte1_low_table[16] = {
        (CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4), (CARRY | OVERLONG_2),
        CARRY, CARRY, (CARRY | TOO_LARGE),
        (CARRY | TOO_LARGE | TOO_LARGE_1000), (CARRY | TOO_LARGE | TOO_LARGE_1000),
        (CARRY | TOO_LARGE | TOO_LARGE_1000), (CARRY | TOO_LARGE | TOO_LARGE_1000),
        (CARRY | TOO_LARGE | TOO_LARGE_1000), (CARRY | TOO_LARGE | TOO_LARGE_1000),
        (CARRY | TOO_LARGE | TOO_LARGE_1000), (CARRY | TOO_LARGE | TOO_LARGE_1000),
        (CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE),
        (CARRY | TOO_LARGE | TOO_LARGE_1000), (CARRY | TOO_LARGE | TOO_LARGE_1000)};
    const __m256i byte1_low = table16(byte1_low_table);
    static const uint8_t byte2_high_table[16] = {
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
        (TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4),
        (TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE),
        (TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE),
        (TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE),
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT};
    const __m256i byte2_high = table16(byte2_high_table);
    const __m256i prev1 = PREVIOUS(input, previous, 1);
    __m256i special = _mm256_and_si256(
        _mm256_and_si256(_mm256_shuffle_epi8(byte1_high, high_nibbles(prev1)),
                         _mm256_shuffle_epi8(byte1_low, _mm256_and_si256(prev1, _mm256_set1_epi8(0x0F)))),
        _mm256_shuffle_epi8(byte2_high, high_nibbles(input)));
    // A continuation after a continuation is right exactly where a 3- or 4-byte lead is 2 or 3 back.
    const __m256i prev2 = PREVIOUS(input, previous, 2), prev3 = PREVIOUS(input, previous, 3);
    const __m256i third = _mm256_subs_epu8(prev2, _mm256_set1_epi8((int8_t)(0xE0 - 0x80)));
    const __m256i fourth = _mm256_subs_epu8(prev3, _mm256_set1_epi8((int8_t)(0xF0 - 0x80)));
    const __m256i must_continue = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8((int8_t)0x80));
    return _mm256_xor_si256(must_continue, special);
}

AVX2 static long check_avx2(const uint8_t *bytes, size_t count) {
    size_t blocks = count / 32 * 32;
    __m256i previous = _mm256_setzero_si256(), errors = _mm256_setzero_si256();
    for (size_t i = 0; i < blocks; i += 32) {
        __m256i input = _mm256_loadu_si256((const __m256i *)(bytes + i));
        errors = _mm256_or_si256(errors, block_errors(input, previous));
        previous = input;
    }
    if (!_mm256_testz_si256(errors, errors)) return -1;
    // Hand back from the last lead byte among the last three: its character may go on past the blocks.
    size_t resume = blocks;
    for (size_t back = 1; back <= 3 && back <= blocks; back++) {
        if (bytes[blocks - back] >= 0xC0) { resume = blocks - back; break; }
    }
    return (long)resume;
}

long sipas_utf8_check_prefix(const uint8_t *bytes, size_t count) {
    if (count < 32 || !__builtin_cpu_supports("avx2")) return 0;
    return check_avx2(bytes, count);
}

#else
long sipas_utf8_check_prefix(const uint8_t *bytes, size_t count) { (void)bytes; (void)count; return 0; }
#endif
