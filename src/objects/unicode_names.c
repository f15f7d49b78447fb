/* unicode_names.c: character names, for "\N{NAME}" escapes (the parser
 * and the unicode_escape codec) and later the unicodedata module.
 *
 * The generated database stores each name as a list of word numbers in
 * one byte stream, in code point order, with an index every
 * KR_UNAMES_BLOCK names; names of the form PREFIX-XXXX (CJK ideographs and
 * the like) are ranges, and Hangul syllables are composed from their jamo
 * as the Unicode standard defines.
 * (owned by the str area) */
#include "internal.h"
#include "objects/str_internal.h"

#define KR_HANGUL_BASE 0xAC00
#define KR_HANGUL_COUNT 11172
#define KR_JAMO_V 21
#define KR_JAMO_T 28

static const char *const kr_jamo_l[19] = {
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"
};
static const char *const kr_jamo_v[21] = {
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO",
    "WE", "WI", "YU", "EU", "YI", "I"
};
static const char *const kr_jamo_t[28] = {
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH",
    "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"
};

static size_t kr_varint(const unsigned char **pp)
{
    const unsigned char *p = *pp;
    size_t v = 0;
    int shift = 0;
    for (;;) {
        unsigned char b = *p++;
        v |= (size_t)(b & 0x7f) << shift;
        if (!(b & 0x80))
            break;
        shift += 7;
    }
    *pp = p;
    return v;
}

static int kr_word_at(const unsigned char **pp)
{
    const unsigned char *p = *pp;
    int w = *p++;
    if (w & 0x80)
        w = ((w & 0x7f) << 8) | *p++;
    *pp = p;
    return w;
}

/* Skips one encoded name (after its code point delta). */
static const unsigned char *kr_skip_name(const unsigned char *p)
{
    int nw = *p++;
    while (nw-- > 0)
        (void)kr_word_at(&p);
    return p;
}

int kr_unicode_name(uint32_t cp, char *buf, size_t n)
{
    size_t pos = 0;
    if (n == 0)
        return 0;
    if (cp >= KR_HANGUL_BASE && cp < KR_HANGUL_BASE + KR_HANGUL_COUNT) {
        uint32_t s = cp - KR_HANGUL_BASE;
        int len = snprintf(buf, n, "HANGUL SYLLABLE %s%s%s", kr_jamo_l[s / (KR_JAMO_V * KR_JAMO_T)],
                           kr_jamo_v[(s % (KR_JAMO_V * KR_JAMO_T)) / KR_JAMO_T], kr_jamo_t[s % KR_JAMO_T]);
        return len > 0 && (size_t)len < n;
    }
    for (int i = 0; i < kr_unames_nranges; i++) {
        if (cp >= kr_unames_ranges[i].first && cp <= kr_unames_ranges[i].last) {
            int len = snprintf(buf, n, "%s-%X", kr_unames_ranges[i].prefix, (unsigned)cp);
            return len > 0 && (size_t)len < n;
        }
    }
    /* the last block starting at or before cp */
    int lo = 0, hi = kr_unames_nblocks - 1;
    if (kr_unames_nblocks == 0 || cp < kr_unames_block_cp[0])
        return 0;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (kr_unames_block_cp[mid] <= cp)
            lo = mid;
        else
            hi = mid - 1;
    }
    const unsigned char *p = kr_unames_stream + kr_unames_block_off[lo];
    int count = kr_unames_count - lo * KR_UNAMES_BLOCK;
    if (count > KR_UNAMES_BLOCK)
        count = KR_UNAMES_BLOCK;
    uint32_t cur = kr_unames_block_cp[lo];
    for (int i = 0; i < count; i++) {
        cur += (uint32_t)kr_varint(&p);
        if (cur > cp)
            return 0;
        if (cur == cp) {
            int nw = *p++;
            for (int k = 0; k < nw; k++) {
                int w = kr_word_at(&p);
                size_t wl = kr_unames_word_offsets[w + 1] - kr_unames_word_offsets[w];
                if (pos + wl + (k > 0) + 1 > n)
                    return 0;
                if (k > 0)
                    buf[pos++] = ' ';
                memcpy(buf + pos, kr_unames_words + kr_unames_word_offsets[w], wl);
                pos += wl;
            }
            buf[pos] = '\0';
            return 1;
        }
        p = kr_skip_name(p);
    }
    return 0;
}

/* Compares word W with the LEN bytes at S, ignoring ASCII case. */
static int kr_word_cmp(int w, const char *s, size_t len)
{
    const char *ws = kr_unames_words + kr_unames_word_offsets[w];
    size_t wl = kr_unames_word_offsets[w + 1] - kr_unames_word_offsets[w];
    size_t m = wl < len ? wl : len;
    for (size_t i = 0; i < m; i++) {
        int a = (unsigned char)ws[i], b = Py_TOUPPER(s[i]);
        if (a != b)
            return a - b;
    }
    return wl == len ? 0 : (wl < len ? -1 : 1);
}

static int kr_find_word(const char *s, size_t len)
{
    int lo = 0, hi = kr_unames_nwords - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int w = kr_unames_sorted_words[mid];
        int c = kr_word_cmp(w, s, len);
        if (c == 0)
            return w;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

static int kr_prefix_eq(const char *name, size_t len, const char *prefix)
{
    size_t pl = strlen(prefix);
    if (len < pl)
        return 0;
    for (size_t i = 0; i < pl; i++)
        if (Py_TOUPPER(name[i]) != (unsigned char)prefix[i])
            return 0;
    return 1;
}

static int kr_lookup_hangul(const char *name, size_t len, uint32_t *cp)
{
    static const char pre[] = "HANGUL SYLLABLE ";
    size_t pl = sizeof pre - 1;
    if (!kr_prefix_eq(name, len, pre))
        return 0;
    /* try every (L, V, T) whose spelling matches exactly */
    for (int l = 0; l < 19; l++) {
        size_t ll = strlen(kr_jamo_l[l]);
        if (pl + ll > len || !kr_prefix_eq(name + pl, len - pl, kr_jamo_l[l]))
            continue;
        for (int v = 0; v < KR_JAMO_V; v++) {
            size_t vl = strlen(kr_jamo_v[v]);
            if (pl + ll + vl > len || !kr_prefix_eq(name + pl + ll, len - pl - ll, kr_jamo_v[v]))
                continue;
            for (int t = 0; t < KR_JAMO_T; t++) {
                size_t tl = strlen(kr_jamo_t[t]);
                if (pl + ll + vl + tl == len &&
                    kr_prefix_eq(name + pl + ll + vl, len - pl - ll - vl, kr_jamo_t[t])) {
                    *cp = KR_HANGUL_BASE + (uint32_t)((l * KR_JAMO_V + v) * KR_JAMO_T + t);
                    return 1;
                }
            }
        }
    }
    return 0;
}

int kr_unicode_lookup_name(const char *name, size_t len, uint32_t *cp)
{
    int words[64];
    int nw = 0;
    size_t i = 0;

    if (len == 0 || len > 256)
        return 0;
    if (kr_lookup_hangul(name, len, cp))
        return 1;
    for (int r = 0; r < kr_unames_nranges; r++) {
        const char *prefix = kr_unames_ranges[r].prefix;
        size_t pl = strlen(prefix);
        if (len > pl + 1 && kr_prefix_eq(name, len, prefix) && name[pl] == '-') {
            uint32_t v = 0;
            size_t k, digits = len - pl - 1;
            if (digits < 4 || digits > 5)
                continue;
            for (k = pl + 1; k < len; k++) {
                int c = (unsigned char)name[k];
                if (c >= '0' && c <= '9') v = v * 16 + (uint32_t)(c - '0');
                else if (c >= 'A' && c <= 'F') v = v * 16 + (uint32_t)(c - 'A' + 10);
                else if (c >= 'a' && c <= 'f') v = v * 16 + (uint32_t)(c - 'a' + 10);
                else break;
            }
            if (k == len && v >= kr_unames_ranges[r].first && v <= kr_unames_ranges[r].last) {
                *cp = v;
                return 1;
            }
        }
    }
    /* split into words; every word must exist in the word list */
    while (i < len) {
        size_t j = i;
        while (j < len && name[j] != ' ')
            j++;
        if (j == i || nw == 64)
            return 0;
        words[nw] = kr_find_word(name + i, j - i);
        if (words[nw] < 0)
            return 0;
        nw++;
        i = j + 1;
        if (j + 1 == len)
            return 0;      /* trailing space */
    }
    const unsigned char *p = kr_unames_stream;
    uint32_t cur = 0;
    for (int k = 0; k < kr_unames_count; k++) {
        size_t d = kr_varint(&p);
        cur = (k % KR_UNAMES_BLOCK == 0) ? kr_unames_block_cp[k / KR_UNAMES_BLOCK] : cur + (uint32_t)d;
        int n = *p++;
        int match = (n == nw);
        for (int w = 0; w < n; w++) {
            int word = kr_word_at(&p);
            if (match && word != words[w])
                match = 0;
        }
        if (match) {
            *cp = cur;
            return 1;
        }
    }
    return 0;
}
