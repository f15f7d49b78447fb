/* str_ctype.c: the locale-independent ASCII classification tables of
 * pyctype.h (Py_ISDIGIT, Py_TOLOWER, ...) and _Py_ascii_whitespace.
 * Bytes >= 128 belong to no class, whatever the C locale says.
 * (owned by the str area) */
#include "internal.h"

#define L PY_CTF_LOWER
#define U PY_CTF_UPPER
#define D PY_CTF_DIGIT
#define S PY_CTF_SPACE
#define X PY_CTF_XDIGIT

const unsigned int _Py_ctype_table[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, S, S, S, S, S, 0, 0,          /* 0x00 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,          /* 0x10 */
    S, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,          /* 0x20 */
    D|X, D|X, D|X, D|X, D|X, D|X, D|X, D|X, D|X, D|X, 0, 0, 0, 0, 0, 0,
    0, U|X, U|X, U|X, U|X, U|X, U|X, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, 0, 0, 0, 0, 0,
    0, L|X, L|X, L|X, L|X, L|X, L|X, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, 0, 0, 0, 0, 0,
};

#undef L
#undef U
#undef D
#undef S
#undef X

#define KR_ROW(b) b+0, b+1, b+2, b+3, b+4, b+5, b+6, b+7, b+8, b+9, b+10, b+11, b+12, b+13, b+14, b+15



const unsigned char _Py_ctype_tolower[256] = {
    KR_ROW(0), KR_ROW(16), KR_ROW(32), KR_ROW(48),
    64, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 91, 92, 93, 94, 95,
    KR_ROW(96), KR_ROW(112), KR_ROW(128), KR_ROW(144), KR_ROW(160), KR_ROW(176),
    KR_ROW(192), KR_ROW(208), KR_ROW(224), KR_ROW(240),
};

const unsigned char _Py_ctype_toupper[256] = {
    KR_ROW(0), KR_ROW(16), KR_ROW(32), KR_ROW(48), KR_ROW(64), KR_ROW(80),
    96, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79,
    80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 123, 124, 125, 126, 127,
    KR_ROW(128), KR_ROW(144), KR_ROW(160), KR_ROW(176),
    KR_ROW(192), KR_ROW(208), KR_ROW(224), KR_ROW(240),
};

/* Characters str.split() and str.strip() treat as whitespace below 128:
 * \t \n \v \f \r, the four information separators 0x1c-0x1f, space. */
const unsigned char _Py_ascii_whitespace[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
