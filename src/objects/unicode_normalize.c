/* unicode_normalize.c: Unicode normalisation form NFKC, which the
 * tokenizer applies to non-ASCII identifiers (PEP 3131), from the
 * generated tables: full compatibility decompositions, canonical
 * combining classes and the primary composite pairs.  Hangul syllables
 * are decomposed and composed arithmetically.
 * (owned by the str area) */
#include "internal.h"
#include "objects/str_internal.h"

#define KR_SBASE 0xAC00
#define KR_LBASE 0x1100
#define KR_VBASE 0x1161
#define KR_TBASE 0x11A7
#define KR_LCOUNT 19
#define KR_VCOUNT 21
#define KR_TCOUNT 28
#define KR_NCOUNT (KR_VCOUNT * KR_TCOUNT)
#define KR_SCOUNT (KR_LCOUNT * KR_NCOUNT)

static int kr_ccc(Py_UCS4 c)
{
    int lo = 0, hi = kr_unorm_nccc - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (kr_unorm_ccc_cp[mid] == c)
            return kr_unorm_ccc[mid];
        if (kr_unorm_ccc_cp[mid] < c)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return 0;
}

/* Index of C in the decomposition table, or -1. */
static int kr_decomp_index(Py_UCS4 c)
{
    int lo = 0, hi = kr_unorm_ndecomp - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (kr_unorm_decomp_cp[mid] == c)
            return mid;
        if (kr_unorm_decomp_cp[mid] < c)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

/* The primary composite of (A, B), or 0. */
static Py_UCS4 kr_compose(Py_UCS4 a, Py_UCS4 b)
{
    if (a >= KR_LBASE && a < KR_LBASE + KR_LCOUNT && b >= KR_VBASE && b < KR_VBASE + KR_VCOUNT)
        return KR_SBASE + ((a - KR_LBASE) * KR_VCOUNT + (b - KR_VBASE)) * KR_TCOUNT;
    if (a >= KR_SBASE && a < KR_SBASE + KR_SCOUNT && (a - KR_SBASE) % KR_TCOUNT == 0 && b > KR_TBASE &&
        b < KR_TBASE + KR_TCOUNT)
        return a + (b - KR_TBASE);
    uint64_t key = ((uint64_t)a << 21) | b;
    int lo = 0, hi = kr_unorm_npairs - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        uint64_t k = ((uint64_t)kr_unorm_pair_first[mid] << 21) | kr_unorm_pair_second[mid];
        if (k == key)
            return kr_unorm_pair_result[mid];
        if (k < key)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return 0;
}

Py_ssize_t kr_unicode_nfkc(const Py_UCS4 *in, Py_ssize_t n, Py_UCS4 *out, Py_ssize_t cap)
{
    Py_ssize_t len = 0;
    /* 1. full compatibility decomposition */
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = in[i];
        if (c >= KR_SBASE && c < KR_SBASE + KR_SCOUNT) {
            Py_UCS4 s = c - KR_SBASE;
            if (len + 3 > cap)
                return -1;
            out[len++] = KR_LBASE + s / KR_NCOUNT;
            out[len++] = KR_VBASE + (s % KR_NCOUNT) / KR_TCOUNT;
            if (s % KR_TCOUNT)
                out[len++] = KR_TBASE + s % KR_TCOUNT;
            continue;
        }
        int k = kr_decomp_index(c);
        if (k < 0) {
            if (len + 1 > cap)
                return -1;
            out[len++] = c;
            continue;
        }
        for (uint32_t j = kr_unorm_decomp_off[k]; j < kr_unorm_decomp_off[k + 1]; j++) {
            if (len + 1 > cap)
                return -1;
            out[len++] = kr_unorm_decomp_data[j];
        }
    }
    /* 2. canonical ordering: stable sort of each run of non-starters */
    for (Py_ssize_t i = 1; i < len; i++) {
        int cc = kr_ccc(out[i]);
        if (cc == 0)
            continue;
        Py_ssize_t j = i;
        Py_UCS4 c = out[i];
        while (j > 0) {
            int pc = kr_ccc(out[j - 1]);
            if (pc <= cc)
                break;
            out[j] = out[j - 1];
            j--;
        }
        out[j] = c;
    }
    /* 3. canonical composition */
    if (len == 0)
        return 0;
    Py_ssize_t starter = 0, w = 1;
    int last = kr_ccc(out[0]);
    if (last != 0)
        last = 256;   /* no starter yet: nothing composes */
    for (Py_ssize_t i = 1; i < len; i++) {
        Py_UCS4 c = out[i];
        int cc = kr_ccc(c);
        Py_UCS4 comp = last == 256 ? 0 : kr_compose(out[starter], c);
        if (comp != 0 && (last < cc || last == 0)) {
            out[starter] = comp;
            continue;
        }
        if (cc == 0)
            starter = w;
        last = cc;
        out[w++] = c;
    }
    return w;
}

/* The tokenizer hands over identifiers it has already validated as
 * UTF-8, so this decoder only has to be safe on bad input, not precise:
 * it reports failure. */
static Py_ssize_t kr_nfkc_decode(const unsigned char *p, size_t len, Py_UCS4 *out)
{
    Py_ssize_t n = 0;
    size_t i = 0;
    while (i < len) {
        unsigned c = p[i];
        int k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (k == 0 || i + (size_t)k > len)
            return -1;
        Py_UCS4 v = k == 1 ? c : k == 2 ? (c & 0x1F) : k == 3 ? (c & 0x0F) : (c & 0x07);
        for (int j = 1; j < k; j++) {
            if ((p[i + (size_t)j] & 0xC0) != 0x80)
                return -1;
            v = (v << 6) | (p[i + (size_t)j] & 0x3F);
        }
        out[n++] = v;
        i += (size_t)k;
    }
    return n;
}

long kr_unicode_nfkc_identifier(const char *s, size_t len, char *out, size_t out_cap)
{
    Py_ssize_t n, cap, m, o = 0;
    Py_UCS4 *in, *res;
    if (len > (size_t)PY_SSIZE_T_MAX / (20 * sizeof(Py_UCS4)))
        return -1;
    cap = (Py_ssize_t)len * 18 + 4;   /* the longest compatibility decomposition */
    in = malloc(((size_t)len + (size_t)cap) * sizeof(Py_UCS4));
    if (in == NULL)
        return -1;
    res = in + len;
    n = kr_nfkc_decode((const unsigned char *)s, len, in);
    m = n < 0 ? -1 : kr_unicode_nfkc(in, n, res, cap);
    for (Py_ssize_t i = 0; i < m; i++) {
        Py_UCS4 c = res[i];
        unsigned char buf[4];
        int k;
        if (c < 0x80) { buf[0] = (unsigned char)c; k = 1; }
        else if (c < 0x800) { buf[0] = (unsigned char)(0xC0 | (c >> 6)); buf[1] = (unsigned char)(0x80 | (c & 0x3F)); k = 2; }
        else if (c < 0x10000) {
            buf[0] = (unsigned char)(0xE0 | (c >> 12)); buf[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
            buf[2] = (unsigned char)(0x80 | (c & 0x3F)); k = 3;
        }
        else {
            buf[0] = (unsigned char)(0xF0 | (c >> 18)); buf[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
            buf[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F)); buf[3] = (unsigned char)(0x80 | (c & 0x3F)); k = 4;
        }
        if ((size_t)(o + k) >= out_cap) {
            free(in);
            return -1;
        }
        memcpy(out + o, buf, (size_t)k);
        o += k;
    }
    free(in);
    if (m < 0 || out_cap == 0)
        return -1;
    out[o] = '\0';
    return (long)o;
}
