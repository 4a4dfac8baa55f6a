#ifndef SIPAS_UTF8_H
#define SIPAS_UTF8_H
#include <stddef.h>
#include <stdint.h>

/// Checks `bytes[0..<count]` as UTF-8 (strict: no overlongs, surrogates or code points above U+10FFFF)
/// 32 bytes at a time with AVX2 where the processor has it. Returns -1 when it found an error; else the
/// offset from which the caller checks the rest byte by byte: every byte before it is valid UTF-8 and
/// no character that starts before it ends after it. 0 when AVX2 is absent or the bytes are too few.
long sipas_utf8_check_prefix(const uint8_t *bytes, size_t count);

#endif
