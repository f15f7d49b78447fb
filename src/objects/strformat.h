/* strformat.h: the scanner of the str.format mini-language, shared by
 * str.format/format_map (unicode_strformat.c, which also renders) and the
 * _string module (formatter_parser, formatter_field_name_split), so that
 * both read format strings the same way and raise the same errors.
 * Positions are indexes into a str; nothing here allocates. */
#ifndef KR_STRFORMAT_H
#define KR_STRFORMAT_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

/* One replacement field, as found between its braces. */
typedef struct kr_fmt_field {
    Py_ssize_t name_start, name_end;   /* the field name */
    Py_ssize_t spec_start, spec_end;   /* the format spec; spec_start < 0: none */
    Py_UCS4 conversion;                /* the character after '!', or 0 */
    int spec_nested;                   /* the spec holds '{': fields to expand */
} kr_fmt_field;

/* One step over s[i:end] (i < end): literal text s[*lit_start:*lit_end]
 * (a doubled brace ends it, contributing one brace) and, when *has_field
 * is set, the replacement field that follows it, parsed into *f.
 * Returns the position after what was read, or -1 with ValueError set. */
Py_ssize_t kr_fmt_next_markup(PyObject *s, Py_ssize_t i, Py_ssize_t end,
                              Py_ssize_t *lit_start, Py_ssize_t *lit_end,
                              int *has_field, kr_fmt_field *f);

/* s[start:end] as a non-negative decimal: the value, -1 if it is not a
 * decimal, -2 with ValueError set if it does not fit. */
Py_ssize_t kr_fmt_number(PyObject *s, Py_ssize_t start, Py_ssize_t end);

/* The end of the first part of the field name s[start:end] (before the
 * first '.' or '['). */
Py_ssize_t kr_fmt_name_first_end(PyObject *s, Py_ssize_t start, Py_ssize_t end);

/* The next accessor of a field name, from *pos (past the first part):
 * ".attr" (*is_attr = 1) or "[key]" (*is_attr = 0), its text in
 * s[*key_start:*key_end].  Returns 1, 0 at the end of the name, or -1
 * with ValueError set. */
int kr_fmt_next_accessor(PyObject *s, Py_ssize_t *pos, Py_ssize_t end, int *is_attr,
                         Py_ssize_t *key_start, Py_ssize_t *key_end);

#endif
