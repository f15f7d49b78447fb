/* str_tables.h: the Unicode character database of the str area.
 *
 * The data is generated into unicode_tables.c by
 * tools/gen_unicode_tables.py; unicode_ctype.c answers property and case
 * questions from it, unicode_names.c answers name questions.  Everything
 * here is const: the database is shared by all contexts.
 * (owned by the str area) */
#ifndef KR_STR_TABLES_H
#define KR_STR_TABLES_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

#define KR_UF_ALPHA          (1 << 0)
#define KR_UF_DECIMAL        (1 << 1)
#define KR_UF_DIGIT          (1 << 2)
#define KR_UF_NUMERIC        (1 << 3)
#define KR_UF_SPACE          (1 << 4)
#define KR_UF_LOWER          (1 << 5)
#define KR_UF_UPPER          (1 << 6)
#define KR_UF_TITLE          (1 << 7)
#define KR_UF_PRINTABLE      (1 << 8)
#define KR_UF_CASED          (1 << 9)
#define KR_UF_CASE_IGNORABLE (1 << 10)
#define KR_UF_XID_START      (1 << 11)
#define KR_UF_XID_CONTINUE   (1 << 12)
#define KR_UF_LINEBREAK      (1 << 13)
#define KR_UF_EXTENDED_CASE  (1 << 14)

/* One distinct combination of properties.  lower/upper/title are the
 * simple mappings as deltas from the code point; ext_case indexes
 * kr_utab_ext_case where the full mappings are stored as four
 * length-prefixed runs: lower, title, upper, casefold. */
struct kr_uchar_record {
    uint16_t flags;
    int8_t decimal;          /* -1 if none */
    int8_t digit;            /* -1 if none */
    uint16_t numeric;        /* index into kr_utab_numeric, 0 if none */
    int32_t lower, upper, title;
    uint16_t ext_case;
};

struct kr_uname_range {
    uint32_t first, last;
    const char *prefix;      /* the name is PREFIX-%X */
};

extern const char kr_unicode_version[];
extern const int kr_utab_shift;
extern const uint16_t kr_utab_index1[];
extern const uint16_t kr_utab_index2[];
extern const struct kr_uchar_record kr_utab_records[];
extern const uint32_t kr_utab_ext_case[];
extern const double kr_utab_numeric[];

extern const int kr_unames_count, kr_unames_nwords, kr_unames_nblocks, kr_unames_nranges;
extern const char kr_unames_words[];
extern const uint32_t kr_unames_word_offsets[];
extern const uint16_t kr_unames_sorted_words[];
extern const unsigned char kr_unames_stream[];
extern const uint32_t kr_unames_block_cp[];
extern const uint32_t kr_unames_block_off[];
extern const struct kr_uname_range kr_unames_ranges[];

extern const int kr_unorm_ndecomp, kr_unorm_nccc, kr_unorm_npairs;
extern const uint32_t kr_unorm_decomp_cp[];
extern const uint16_t kr_unorm_decomp_off[];
extern const uint32_t kr_unorm_decomp_data[];
extern const uint32_t kr_unorm_ccc_cp[];
extern const uint8_t kr_unorm_ccc[];
extern const uint32_t kr_unorm_pair_first[], kr_unorm_pair_second[], kr_unorm_pair_result[];

#define KR_UTAB_SHIFT 7
#define KR_UNAMES_BLOCK 64   /* names per index entry of the names stream */

static inline const struct kr_uchar_record *kr_unicode_record(Py_UCS4 ch)
{
    if (ch >= 0x110000)
        ch = 0x10FFFF;   /* unassigned: same record as any noncharacter */
    return &kr_utab_records[kr_utab_index2[((size_t)kr_utab_index1[ch >> KR_UTAB_SHIFT] << KR_UTAB_SHIFT)
                                           + (ch & ((1u << KR_UTAB_SHIFT) - 1))]];
}

static inline int kr_unicode_flags(Py_UCS4 ch)
{
    return kr_unicode_record(ch)->flags;
}

/* Names (unicode_names.c).  kr_unicode_lookup_name: 1 and *cp set if NAME
 * (LEN bytes, case-insensitive) names a character, else 0.
 * kr_unicode_name: writes the NUL-terminated name into BUF (N bytes) and
 * returns 1, or 0 if CP has no name (or BUF is too small). */
int kr_unicode_lookup_name(const char *name, size_t len, uint32_t *cp);
int kr_unicode_name(uint32_t cp, char *buf, size_t n);
/* NFKC (unicode_normalize.c).  kr_unicode_nfkc normalises IN[0:n] into
 * OUT (capacity cap code points) and returns the length, or -1 if OUT is
 * too small.  kr_unicode_nfkc_identifier is the parser's hook: UTF-8 in,
 * UTF-8 out (NUL-terminated), returning the length or -1. */
Py_ssize_t kr_unicode_nfkc(const Py_UCS4 *in, Py_ssize_t n, Py_UCS4 *out, Py_ssize_t cap);
long kr_unicode_nfkc_identifier(const char *s, size_t len, char *out, size_t out_cap);
/* XID_Start (start != 0) or XID_Continue, for the tokenizer. */
int kr_unicode_is_xid(uint32_t cp, int start);

#endif
