/* formatspec.h: the format-specification mini-language shared by
 * int.__format__, float.__format__, complex.__format__ (numbers area) and
 * str.__format__ (str area).
 *
 *   [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
 *
 * kr_formatspec_parse() turns a spec into a kr_format_spec with CPython's
 * error messages; the layout helpers then apply width, fill, alignment and
 * digit grouping to a number or a string that the caller has produced.
 * (owned by the numbers area) */
#ifndef KR_FORMATSPEC_H
#define KR_FORMATSPEC_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

typedef struct {
    Py_UCS4 fill_char;              /* ' ' unless given (or '0' by the 0 flag) */
    Py_UCS4 align;                  /* '<', '>', '=', '^' (the caller's default if absent) */
    int alternate;                  /* '#' */
    int no_neg_0;                   /* 'z' */
    Py_UCS4 sign;                   /* '+', '-', ' ', or 0 when absent */
    Py_ssize_t width;               /* -1 when absent */
    Py_UCS4 thousands_separator;    /* ',', '_', or 0 */
    Py_ssize_t precision;           /* -1 when absent */
    Py_UCS4 type;                   /* presentation type (the caller's default if absent) */
} kr_format_spec;

/* Parse spec[start:end] (a str) for formatting obj (named in messages).
 * default_type is e.g. 'd' for int, 0 for float, 's' for str;
 * default_align is '>' for numbers and '<' for strings.
 * Returns 0, or -1 with ValueError set. */
int kr_formatspec_parse(PyObject *obj, PyObject *spec, Py_ssize_t start, Py_ssize_t end,
                        kr_format_spec *out, Py_UCS4 default_type, Py_UCS4 default_align);

/* ValueError "Unknown format code 'x' for object of type 'T'"; returns NULL. */
PyObject *kr_formatspec_unknown_code(Py_UCS4 type, PyObject *obj);

/* Lay out a number as a new str.  negative: whether to print '-' (else
 * the spec's '+' or ' ' applies); prefix: "0x" and the like, or NULL;
 * digits: the integer part in ASCII, ungrouped; rest: ASCII after the
 * integer part (decimal point, fraction, exponent, '%').  Grouping uses
 * spec->thousands_separator every 3 digits (4 for types b, o, x, X); zero
 * padding ('0' fill with '=' alignment) groups the padding zeros too. */
PyObject *kr_formatspec_layout_number(const kr_format_spec *spec, int negative,
                                      const char *prefix, const char *digits, Py_ssize_t ndigits,
                                      const char *rest, Py_ssize_t nrest);

/* Pad an already formatted str to spec->width with spec->fill_char and
 * spec->align ('<' left, '>' right, '^' centre); new reference. */
PyObject *kr_formatspec_pad_str(PyObject *s, const kr_format_spec *spec);

/* The whole of str.__format__(format_spec) for a str object (new ref):
 * parses the spec (default type 's', default align '<'), checks it with
 * CPython's messages, truncates to the precision and pads. */
PyObject *kr_formatspec_format_str(PyObject *str, PyObject *format_spec);

/* float.__format__ for a double, given a parsed spec (types e E f F g G n %
 * and none).  obj names the type in error messages.  New reference. */
PyObject *kr_format_double(double x, const kr_format_spec *spec, PyObject *obj);

#endif
