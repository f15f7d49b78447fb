/* unicode_ctype.c: character properties and case mappings of single code
 * points, answered from the generated database (unicode_tables.c).  These
 * are the _PyUnicode_IsXxx and _PyUnicode_ToXxx functions of the C API; the str
 * methods and the codecs call them per character.
 * (owned by the str area) */
#include "internal.h"
#include "objects/str_internal.h"

#define KR_FLAG(ch, f) ((kr_unicode_flags(ch) & (f)) != 0)

int _PyUnicode_IsLowercase(Py_UCS4 ch) { return KR_FLAG(ch, KR_UF_LOWER); }
int _PyUnicode_IsUppercase(Py_UCS4 ch) { return KR_FLAG(ch, KR_UF_UPPER); }
int _PyUnicode_IsTitlecase(Py_UCS4 ch) { return KR_FLAG(ch, KR_UF_TITLE); }
int _PyUnicode_IsXidStart(Py_UCS4 ch) { return KR_FLAG(ch, KR_UF_XID_START); }
int _PyUnicode_IsXidContinue(Py_UCS4 ch) { return KR_FLAG(ch, KR_UF_XID_CONTINUE); }
int _PyUnicode_IsWhitespace(const Py_UCS4 ch) { return KR_FLAG(ch, KR_UF_SPACE); }
int _PyUnicode_IsLinebreak(const Py_UCS4 ch) { return KR_FLAG(ch, KR_UF_LINEBREAK); }
int _PyUnicode_IsCaseIgnorable(Py_UCS4 ch) { return KR_FLAG(ch, KR_UF_CASE_IGNORABLE); }
int _PyUnicode_IsCased(Py_UCS4 ch) { return KR_FLAG(ch, KR_UF_CASED); }
int _PyUnicode_IsDecimalDigit(Py_UCS4 ch) { return KR_FLAG(ch, KR_UF_DECIMAL); }
int _PyUnicode_IsDigit(Py_UCS4 ch) { return KR_FLAG(ch, KR_UF_DIGIT); }
int _PyUnicode_IsNumeric(Py_UCS4 ch) { return KR_FLAG(ch, KR_UF_NUMERIC); }
int _PyUnicode_IsPrintable(Py_UCS4 ch) { return KR_FLAG(ch, KR_UF_PRINTABLE); }
int _PyUnicode_IsAlpha(Py_UCS4 ch) { return KR_FLAG(ch, KR_UF_ALPHA); }

Py_UCS4 _PyUnicode_ToLowercase(Py_UCS4 ch) { return (Py_UCS4)((int32_t)ch + kr_unicode_record(ch)->lower); }
Py_UCS4 _PyUnicode_ToUppercase(Py_UCS4 ch) { return (Py_UCS4)((int32_t)ch + kr_unicode_record(ch)->upper); }
Py_UCS4 _PyUnicode_ToTitlecase(Py_UCS4 ch) { return (Py_UCS4)((int32_t)ch + kr_unicode_record(ch)->title); }

int _PyUnicode_ToDecimalDigit(Py_UCS4 ch) { return kr_unicode_record(ch)->decimal; }
int _PyUnicode_ToDigit(Py_UCS4 ch) { return kr_unicode_record(ch)->digit; }

double _PyUnicode_ToNumeric(Py_UCS4 ch)
{
    const struct kr_uchar_record *r = kr_unicode_record(ch);
    return r->numeric ? kr_utab_numeric[r->numeric] : -1.0;
}

/* Full mappings: the extended table holds four length-prefixed runs
 * (lower, title, upper, casefold); WHICH selects one. */
static int kr_full_mapping(Py_UCS4 ch, int which, int32_t delta, Py_UCS4 *res)
{
    const struct kr_uchar_record *r = kr_unicode_record(ch);
    if (r->flags & KR_UF_EXTENDED_CASE) {
        const uint32_t *p = &kr_utab_ext_case[r->ext_case];
        for (int i = 0; i < which; i++)
            p += 1 + p[0];
        for (uint32_t i = 0; i < p[0]; i++)
            res[i] = p[1 + i];
        return (int)p[0];
    }
    (void)delta;
    switch (which) {
    case 0: case 3: res[0] = (Py_UCS4)((int32_t)ch + r->lower); break;
    case 1: res[0] = (Py_UCS4)((int32_t)ch + r->title); break;
    default: res[0] = (Py_UCS4)((int32_t)ch + r->upper); break;
    }
    return 1;
}

int _PyUnicode_ToLowerFull(Py_UCS4 ch, Py_UCS4 *res) { return kr_full_mapping(ch, 0, 0, res); }
int _PyUnicode_ToTitleFull(Py_UCS4 ch, Py_UCS4 *res) { return kr_full_mapping(ch, 1, 0, res); }
int _PyUnicode_ToUpperFull(Py_UCS4 ch, Py_UCS4 *res) { return kr_full_mapping(ch, 2, 0, res); }
int _PyUnicode_ToFoldedFull(Py_UCS4 ch, Py_UCS4 *res) { return kr_full_mapping(ch, 3, 0, res); }

int kr_unicode_is_xid(uint32_t cp, int start)
{
    return KR_FLAG(cp, start ? KR_UF_XID_START : KR_UF_XID_CONTINUE);
}

size_t Py_UNICODE_strlen(const Py_UNICODE *u)
{
    return wcslen(u);
}
