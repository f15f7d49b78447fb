/* traceback_print.c: printing exceptions exactly as CPython 3.11 does
 * (PyErr_Display, PyErr_Print, and the unraisable-exception hook).
 *
 * The output is built as UTF-8 in a growable buffer and written to the
 * target file (sys.stderr) in one piece.  It follows 3.11's printer:
 *  - the chain first: __cause__ ("The above exception was the direct
 *    cause ...") or, unless suppressed, __context__ ("During handling
 *    ..."), each exception once;
 *  - "Traceback (most recent call last):", one '  File "f", line n, in
 *    name' entry per frame with its stripped source line and the caret
 *    line of 3.11 (^ under the failing range; for a binary operation or a
 *    subscript, ~ for the operands and ^ for the operator or the index,
 *    found by parsing the range), elided when it would cover the whole
 *    line; more than 3 identical entries in a row collapse into
 *    "[Previous line repeated N more times]";
 *  - SyntaxError's file/line, text and caret lines;
 *  - "module.Qualname: message", the "Did you mean" suggestion of 3.11
 *    for NameError and AttributeError, then the __notes__;
 *  - exception groups in the boxed +-+ layout, nested with a margin.
 * Source lines come from the file itself, cached per context. */
#include "internal.h"
#include "runtime/runtime.h"
#include "objects/str_ids.h"
#include "frameobject.h"
#include "parser/parser.h"
#include "objects/namespaceobject.h"

/* ---- output buffer ---- */

typedef struct {
    char *p;
    size_t len, cap;
    int oom;
} kr_out;

static void out_n(kr_out *o, const char *s, size_t n)
{
    if (o->oom)
        return;
    if (o->len + n + 1 > o->cap) {
        size_t ncap = o->cap ? o->cap : 512;
        while (o->len + n + 1 > ncap)
            ncap *= 2;
        char *np = realloc(o->p, ncap);
        if (np == NULL) {
            o->oom = 1;
            return;
        }
        o->p = np;
        o->cap = ncap;
    }
    memcpy(o->p + o->len, s, n);
    o->len += n;
    o->p[o->len] = '\0';
}

static void out_s(kr_out *o, const char *s) { out_n(o, s, strlen(s)); }

static void out_fmt(kr_out *o, const char *fmt, ...)
{
    char buf[256];
    va_list va;
    va_start(va, fmt);
    int n = vsnprintf(buf, sizeof(buf), fmt, va);
    va_end(va);
    if (n > 0)
        out_n(o, buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

static void out_rep(kr_out *o, char c, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++)
        out_n(o, &c, 1);
}

/* Append str(obj) (or its text if it is a str); 0, or -1 if str() failed. */
static int out_str(kr_out *o, PyObject *obj)
{
    PyObject *s = PyUnicode_Check(obj) ? Py_NewRef(obj) : PyObject_Str(obj);
    if (s == NULL)
        return -1;
    Py_ssize_t n;
    const char *u = PyUnicode_AsUTF8AndSize(s, &n);
    if (u == NULL) {
        /* lone surrogates: write them escaped, as a file would */
        PyErr_Clear();
        PyObject *b = PyUnicode_AsEncodedString(s, "utf-8", "backslashreplace");
        if (b == NULL) {
            Py_DECREF(s);
            return -1;
        }
        out_n(o, PyBytes_AsString(b), (size_t)PyBytes_Size(b));
        Py_DECREF(b);
    }
    else {
        out_n(o, u, (size_t)n);
    }
    Py_DECREF(s);
    return 0;
}

/* ---- printing state (exception_print_context of CPython) ---- */

typedef struct {
    kr_out *out;
    PyObject *seen;          /* set of ids of the exceptions printed */
    int group_depth;
    int need_close;
    int max_group_width;
    int max_group_depth;
} kr_pctx;

static void indent_margin(kr_pctx *c)
{
    out_rep(c->out, ' ', 2 * c->group_depth);
    if (c->group_depth)
        out_s(c->out, "| ");
}

/* ---- source lines ---- */

/* The lines of a file, as a list of str (or None if unreadable), cached
 * in the context. */
static PyObject *file_lines(PyObject *filename)
{
    struct kr_context *ctx = kr_context_get();
    if (ctx == NULL || filename == NULL || !PyUnicode_Check(filename))
        return NULL;
    if (ctx->rt.linecache == NULL) {
        ctx->rt.linecache = PyDict_New();
        if (ctx->rt.linecache == NULL) {
            PyErr_Clear();
            return NULL;
        }
    }
    PyObject *lines = PyDict_GetItemWithError(ctx->rt.linecache, filename);
    if (lines != NULL)
        return lines == Py_None ? NULL : lines;
    PyErr_Clear();
    const char *fn = PyUnicode_AsUTF8(filename);
    FILE *fp = fn ? fopen(fn, "rb") : NULL;
    if (fn == NULL)
        PyErr_Clear();
    if (fp == NULL) {
        if (PyDict_SetItem(ctx->rt.linecache, filename, Py_None) < 0)
            PyErr_Clear();
        return NULL;
    }
    lines = PyList_New(0);
    char *buf = NULL;
    size_t cap = 0;
    ssize_t n;
    while (lines != NULL && (n = getline(&buf, &cap, fp)) >= 0) {
        PyObject *s = PyUnicode_DecodeUTF8(buf, n, "replace");
        if (s == NULL || PyList_Append(lines, s) < 0) {
            Py_XDECREF(s);
            Py_CLEAR(lines);
            break;
        }
        Py_DECREF(s);
    }
    free(buf);
    fclose(fp);
    if (lines == NULL) {
        PyErr_Clear();
        return NULL;
    }
    int r = PyDict_SetItem(ctx->rt.linecache, filename, lines);
    Py_DECREF(lines);
    if (r < 0) {
        PyErr_Clear();
        return NULL;
    }
    return lines;   /* borrowed from the cache */
}

PyObject *kr_source_line(PyObject *filename, int lineno)
{
    PyObject *lines = file_lines(filename);
    if (lines == NULL || lineno < 1 || lineno > PyList_GET_SIZE(lines))
        return NULL;
    PyObject *line = PyList_GET_ITEM(lines, lineno - 1);
    /* drop the line end and trailing whitespace */
    Py_ssize_t end = PyUnicode_GET_LENGTH(line);
    while (end > 0) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(line, end - 1);
        if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r' && ch != '\f' && ch != '\v')
            break;
        end--;
    }
    return PyUnicode_Substring(line, 0, end);
}

/* Character offset of UTF-8 byte offset `b` in the UTF-8 text s. */
static Py_ssize_t byte_to_char(const char *s, Py_ssize_t slen, Py_ssize_t b)
{
    if (b > slen)
        b = slen;
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < b; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

/* For a binary operation or a subscript spanning [start, end) of the
 * line, the anchors of 3.11: [left, right) gets '^', the rest '~'. */
static int find_anchors(const char *line_utf8, Py_ssize_t bstart, Py_ssize_t bend,
                        Py_ssize_t *left, Py_ssize_t *right)
{
    Py_ssize_t seglen = bend - bstart;
    if (seglen <= 0)
        return 0;
    char *seg = malloc((size_t)seglen + 2);
    if (seg == NULL)
        return 0;
    memcpy(seg, line_utf8 + bstart, (size_t)seglen);
    seg[seglen] = '\n';
    seg[seglen + 1] = '\0';
    kr_arena *arena = kr_arena_new();
    int found = 0;
    if (arena != NULL) {
        kr_parse_error err;
        memset(&err, 0, sizeof(err));
        kr_mod *mod = kr_parse(arena, seg, (size_t)seglen + 1, "<string>", KR_MODE_FILE,
                               KR_PF_IGNORE_COOKIE, &err);
        if (mod != NULL && mod->kind == KR_Module && KR_SEQ_LEN(mod->v.Module.body) == 1) {
            kr_stmt *st = mod->v.Module.body->items[0];
            if (st->kind == KR_Expr) {
                kr_expr *e = st->v.Expr.value;
                if (e->kind == KR_BinOp) {
                    kr_expr *l = e->v.BinOp.left, *r = e->v.BinOp.right;
                    for (int i = l->end_col_offset; i < r->col_offset && i < seglen; i++) {
                        char ch = seg[i];
                        if (ch == ' ' || ch == '\t' || ch == '\f')
                            continue;
                        *left = i;
                        *right = i + 1;
                        if (i + 1 < r->col_offset && seg[i + 1] != ' ' && seg[i + 1] != '\t' &&
                            seg[i + 1] != '\f')
                            ++*right;
                        found = 1;
                        break;
                    }
                }
                else if (e->kind == KR_Subscript) {
                    Py_ssize_t l = e->v.Subscript.value->end_col_offset;
                    Py_ssize_t r = e->v.Subscript.slice->end_col_offset + 1;
                    while (l < seglen && seg[l] != '[')
                        l++;
                    while (r < seglen && seg[r] != ']')
                        r++;
                    if (r < seglen)
                        r++;
                    *left = l;
                    *right = r;
                    found = 1;
                }
            }
        }
        kr_arena_free(arena);
    }
    if (found) {
        /* back to character offsets of the whole line */
        Py_ssize_t cl = byte_to_char(seg, seglen, *left), cr = byte_to_char(seg, seglen, *right);
        Py_ssize_t base = byte_to_char(line_utf8, (Py_ssize_t)strlen(line_utf8), bstart);
        *left = base + cl;
        *right = base + cr;
    }
    free(seg);
    return found;
}

/* One traceback entry: the File line, the source line and the carets. */
static void display_line(kr_pctx *c, PyObject *filename, int lineno, PyObject *name,
                         PyCodeObject *code, int lasti)
{
    kr_out *o = c->out;
    indent_margin(c);
    out_s(o, "  File \"");
    out_str(o, filename);
    out_fmt(o, "\", line %d, in ", lineno);
    out_str(o, name);
    out_s(o, "\n");
    PyObject *full = kr_source_line(filename, lineno);
    if (full == NULL) {
        PyErr_Clear();
        return;
    }
    Py_ssize_t flen = PyUnicode_GET_LENGTH(full), i = 0;
    while (i < flen) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(full, i);
        if (ch != ' ' && ch != '\t' && ch != '\f')
            break;
        i++;
    }
    if (i == flen) {
        Py_DECREF(full);
        return;
    }
    indent_margin(c);
    out_s(o, "    ");
    PyObject *stripped = PyUnicode_Substring(full, i, flen);
    if (stripped) {
        out_str(o, stripped);
        Py_DECREF(stripped);
    }
    out_s(o, "\n");

    int l0, l1, c0, c1;
    if (code == NULL || lasti < 0 ||
        kr_code_location(code, lasti / 2, &l0, &l1, &c0, &c1) < 0 ||
        l0 < 0 || l1 < 0 || c0 < 0 || c1 < 0 || l0 != lineno) {
        Py_DECREF(full);
        return;
    }
    Py_ssize_t ulen;
    const char *u = PyUnicode_AsUTF8AndSize(full, &ulen);
    if (u == NULL) {
        PyErr_Clear();
        Py_DECREF(full);
        return;
    }
    Py_ssize_t start = byte_to_char(u, ulen, c0), end;
    Py_ssize_t left = -1, right = -1;
    if (l0 == l1) {
        end = byte_to_char(u, ulen, c1);
        if (c1 <= ulen && !find_anchors(u, c0, c1, &left, &right))
            left = right = -1;
    }
    else {
        end = flen;   /* up to the last non-blank character of this line */
    }
    int secondary = left != -1 || right != -1;
    if (end - start == flen - i && !secondary) {
        Py_DECREF(full);
        return;
    }
    indent_margin(c);
    Py_ssize_t truncation = i - 4;
    for (Py_ssize_t off = truncation + 1; off <= end; off++) {
        if (off <= start)
            out_s(o, " ");
        else if (secondary && left < off && off <= right)
            out_s(o, "^");
        else
            out_s(o, secondary ? "~" : "^");
    }
    out_s(o, "\n");
    Py_DECREF(full);
}

#define KR_TB_RECURSIVE_CUTOFF 3

static void repeated(kr_pctx *c, long cnt)
{
    if (cnt > KR_TB_RECURSIVE_CUTOFF) {
        indent_margin(c);
        long more = cnt - KR_TB_RECURSIVE_CUTOFF;
        out_fmt(c->out, "  [Previous line repeated %ld more time%s]\n", more, more > 1 ? "s" : "");
    }
}

static long traceback_limit(void)
{
    PyObject *lim = PySys_GetObject("tracebacklimit");
    if (lim == NULL || !PyLong_Check(lim))
        return 1000;
    int overflow;
    long v = PyLong_AsLongAndOverflow(lim, &overflow);
    if (v == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return 1000;
    }
    if (overflow > 0)
        return LONG_MAX;
    return v <= 0 ? 0 : v;
}

static void print_tb(kr_pctx *c, PyObject *tbobj, const char *header_margin, const char *header)
{
    long limit = traceback_limit();
    if (limit <= 0)
        return;
    out_rep(c->out, ' ', 2 * c->group_depth);
    out_s(c->out, header_margin);
    out_s(c->out, header);
    PyTracebackObject *tb = (PyTracebackObject *)tbobj;
    long depth = 0;
    for (PyTracebackObject *t = tb; t != NULL; t = t->tb_next)
        depth++;
    while (tb != NULL && depth > limit) {
        depth--;
        tb = tb->tb_next;
    }
    PyObject *last_file = NULL, *last_name = NULL;
    int last_line = -1;
    long cnt = 0;
    for (; tb != NULL; tb = tb->tb_next) {
        PyCodeObject *code = tb->tb_frame ? PyFrame_GetCode(tb->tb_frame) : NULL;
        PyObject *filename = code ? PyObject_GetAttrString((PyObject *)code, "co_filename") : NULL;
        PyObject *name = code ? PyObject_GetAttrString((PyObject *)code, "co_name") : NULL;
        if (filename == NULL || name == NULL) {
            PyErr_Clear();
            Py_XDECREF(filename);
            Py_XDECREF(name);
            Py_XDECREF(code);
            continue;
        }
        int lineno = tb->tb_lineno;
        int same = last_file != NULL && last_line != -1 && lineno == last_line &&
                   PyUnicode_Compare(filename, last_file) == 0 &&
                   PyUnicode_Compare(name, last_name) == 0;
        if (!same) {
            repeated(c, cnt);
            Py_XSETREF(last_file, Py_NewRef(filename));
            Py_XSETREF(last_name, Py_NewRef(name));
            last_line = lineno;
            cnt = 0;
        }
        cnt++;
        if (cnt <= KR_TB_RECURSIVE_CUTOFF)
            display_line(c, filename, lineno, name, code, tb->tb_lasti);
        Py_DECREF(filename);
        Py_DECREF(name);
        Py_XDECREF(code);
    }
    repeated(c, cnt);
    Py_XDECREF(last_file);
    Py_XDECREF(last_name);
}

int kr_format_tb(PyObject *tb, PyObject *lines)
{
    kr_out o = {NULL, 0, 0, 0};
    kr_pctx c = {&o, NULL, 0, 0, 15, 10};
    print_tb(&c, tb, "", "");
    PyObject *s = PyUnicode_DecodeUTF8(o.p ? o.p : "", (Py_ssize_t)o.len, "replace");
    free(o.p);
    if (s == NULL)
        return -1;
    int r = PyList_Append(lines, s);
    Py_DECREF(s);
    return r;
}

/* ---- "Did you mean" (3.11's suggestions) ---- */

#define KR_SUGGEST_MAX_ITEMS 750
#define KR_SUGGEST_MAX_LEN 40
#define KR_MOVE_COST 2
#define KR_CASE_COST 1

static size_t subst_cost(char a, char b)
{
    if ((a & 31) != (b & 31))
        return KR_MOVE_COST;
    if (a == b)
        return 0;
    if (a >= 'A' && a <= 'Z')
        a = (char)(a + 32);
    if (b >= 'A' && b <= 'Z')
        b = (char)(b + 32);
    return a == b ? KR_CASE_COST : KR_MOVE_COST;
}

/* Edit distance with case flips cheaper than other edits, giving up
 * (returning max_cost + 1) as soon as max_cost cannot be met. */
static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb, size_t max_cost)
{
    while (na && nb && a[0] == b[0]) {
        a++; b++; na--; nb--;
    }
    while (na && nb && a[na - 1] == b[nb - 1]) {
        na--; nb--;
    }
    if (na == 0 || nb == 0)
        return (na + nb) * KR_MOVE_COST;
    if (na > KR_SUGGEST_MAX_LEN || nb > KR_SUGGEST_MAX_LEN)
        return max_cost + 1;
    if (nb < na) {
        const char *t = a; a = b; b = t;
        size_t tn = na; na = nb; nb = tn;
    }
    if ((nb - na) * KR_MOVE_COST > max_cost)
        return max_cost + 1;
    size_t row[KR_SUGGEST_MAX_LEN];
    for (size_t i = 0; i < na; i++)
        row[i] = (i + 1) * KR_MOVE_COST;
    size_t result = 0;
    for (size_t j = 0; j < nb; j++) {
        size_t diag = j * KR_MOVE_COST;   /* cost(b[:j], a[:0]) */
        result = diag;
        size_t best = (size_t)-1;
        for (size_t i = 0; i < na; i++) {
            size_t sub = diag + subst_cost(b[j], a[i]);
            diag = row[i];
            size_t ins = (result < diag ? result : diag) + KR_MOVE_COST;
            result = ins < sub ? ins : sub;
            row[i] = result;
            if (result < best)
                best = result;
        }
        if (best > max_cost)
            return max_cost + 1;
    }
    return result;
}

/* The closest name of the list `dir` to `name`, or NULL; new reference. */
static PyObject *closest_name(PyObject *dir, PyObject *name)
{
    Py_ssize_t n = PyList_GET_SIZE(dir);
    if (n >= KR_SUGGEST_MAX_ITEMS)
        return NULL;
    Py_ssize_t nlen;
    const char *nstr = PyUnicode_AsUTF8AndSize(name, &nlen);
    if (nstr == NULL)
        return NULL;
    PyObject *best = NULL;
    size_t best_dist = (size_t)PY_SSIZE_T_MAX;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(dir, i);
        if (!PyUnicode_Check(item))
            continue;
        Py_ssize_t ilen;
        const char *istr = PyUnicode_AsUTF8AndSize(item, &ilen);
        if (istr == NULL)
            return NULL;
        if (ilen == nlen && memcmp(istr, nstr, (size_t)nlen) == 0)
            continue;
        size_t maxd = (size_t)(nlen + ilen + 3) * KR_MOVE_COST / 6;
        if (best_dist - 1 < maxd)
            maxd = best_dist - 1;
        size_t d = edit_distance(nstr, (size_t)nlen, istr, (size_t)ilen, maxd);
        if (d > maxd)
            continue;
        if (best == NULL || d < best_dist) {
            best = item;
            best_dist = d;
        }
    }
    return Py_XNewRef(best);
}

static PyObject *suggest_from(PyObject *names_iterable, PyObject *name)
{
    PyObject *dir = PySequence_List(names_iterable);
    if (dir == NULL)
        return NULL;
    PyObject *r = closest_name(dir, name);
    Py_DECREF(dir);
    return r;
}

static PyObject *offer_suggestions(PyObject *exc)
{
    if (Py_IS_TYPE(exc, (PyTypeObject *)PyExc_AttributeError)) {
        PyAttributeErrorObject *e = (PyAttributeErrorObject *)exc;
        if (e->name == NULL || e->obj == NULL || !PyUnicode_Check(e->name))
            return NULL;
        PyObject *dir = PyObject_Dir(e->obj);
        if (dir == NULL)
            return NULL;
        PyObject *r = suggest_from(dir, e->name);
        Py_DECREF(dir);
        return r;
    }
    if (Py_IS_TYPE(exc, (PyTypeObject *)PyExc_NameError)) {
        PyNameErrorObject *e = (PyNameErrorObject *)exc;
        if (e->name == NULL || !PyUnicode_Check(e->name))
            return NULL;
        PyTracebackObject *tb = (PyTracebackObject *)((PyBaseExceptionObject *)exc)->traceback;
        if (tb == NULL)
            return NULL;
        while (tb->tb_next != NULL)
            tb = tb->tb_next;
        PyFrameObject *frame = tb->tb_frame;
        if (frame == NULL)
            return NULL;
        PyCodeObject *code = PyFrame_GetCode(frame);
        PyObject *varnames = code ? PyObject_GetAttrString((PyObject *)code, "co_varnames") : NULL;
        Py_XDECREF(code);
        PyObject *r = varnames ? suggest_from(varnames, e->name) : NULL;
        Py_XDECREF(varnames);
        if (r != NULL || PyErr_Occurred())
            return r;
        PyObject *g = PyFrame_GetGlobals(frame);
        r = g ? suggest_from(g, e->name) : NULL;
        Py_XDECREF(g);
        if (r != NULL || PyErr_Occurred())
            return r;
        PyObject *b = PyFrame_GetBuiltins(frame);
        r = b ? suggest_from(b, e->name) : NULL;
        Py_XDECREF(b);
        return r;
    }
    return NULL;
}

/* ---- one exception ---- */

/* SyntaxError: '  File "f", line n', the text and the caret line.
 * Replaces *value with the message to print. */
static void print_syntax_location(kr_pctx *c, PyObject **value)
{
    PyObject *tmp;
    if (_PyObject_LookupAttr(*value, KR_ID(print_file_and_line), &tmp) <= 0) {
        PyErr_Clear();
        return;
    }
    Py_DECREF(tmp);
    PyObject *v = *value;
    PyObject *msg = PyObject_GetAttrString(v, "msg");
    PyObject *filename = PyObject_GetAttrString(v, "filename");
    PyObject *lineno_o = PyObject_GetAttrString(v, "lineno");
    PyObject *offset_o = PyObject_GetAttrString(v, "offset");
    PyObject *end_lineno_o = PyObject_GetAttrString(v, "end_lineno");
    PyObject *end_offset_o = PyObject_GetAttrString(v, "end_offset");
    PyObject *text = PyObject_GetAttrString(v, "text");
    if (!msg || !filename || !lineno_o || !offset_o || !end_lineno_o || !end_offset_o || !text ||
        !PyLong_Check(lineno_o)) {
        PyErr_Clear();
        goto done;
    }
    Py_ssize_t lineno = PyLong_AsSsize_t(lineno_o);
    Py_ssize_t offset = offset_o == Py_None ? -1 : PyLong_AsSsize_t(offset_o);
    Py_ssize_t end_lineno = end_lineno_o == Py_None ? lineno : PyLong_AsSsize_t(end_lineno_o);
    Py_ssize_t end_offset = end_offset_o == Py_None ? -1 : PyLong_AsSsize_t(end_offset_o);
    if (PyErr_Occurred()) {
        PyErr_Clear();
        goto done;
    }
    /* IndentationError points at one position only */
    if (PyObject_TypeCheck(v, (PyTypeObject *)PyExc_IndentationError))
        end_offset = -1;
    Py_SETREF(*value, Py_NewRef(msg));
    indent_margin(c);
    out_s(c->out, "  File \"");
    if (filename == Py_None)
        out_s(c->out, "<string>");
    else
        out_str(c->out, filename);
    out_fmt(c->out, "\", line %zd\n", lineno);
    if (text != Py_None && PyUnicode_Check(text)) {
        Py_ssize_t size;
        const char *t = PyUnicode_AsUTF8AndSize(text, &size);
        if (t == NULL) {
            PyErr_Clear();
            goto done;
        }
        if (end_lineno > lineno)
            end_offset = size;
        if (end_offset > size + 1)
            end_offset = size + 1;
        size_t carets = (end_offset > 0 && end_offset > offset) ? (size_t)(end_offset - offset) : 1;
        offset--;
        while (*t == ' ' || *t == '\t' || *t == '\f') {
            t++;
            offset--;
        }
        Py_ssize_t len = (Py_ssize_t)strlen(t);
        if (len > 0 && t[len - 1] == '\n')
            len--;
        if (offset > len)
            offset = len;
        for (;;) {
            const char *nl = strchr(t, '\n');
            if (nl == NULL)
                break;
            Py_ssize_t inl = nl - t;
            if (inl >= offset)
                break;
            inl++;
            t += inl;
            len -= inl;
            offset -= inl;
        }
        out_s(c->out, "    ");
        out_s(c->out, t);
        if (t[len] != '\n')
            out_s(c->out, "\n");
        if (offset >= 0) {
            out_s(c->out, "    ");
            out_rep(c->out, ' ', offset);
            out_rep(c->out, '^', (Py_ssize_t)carets);
            out_s(c->out, "\n");
        }
    }
done:
    Py_XDECREF(msg);
    Py_XDECREF(filename);
    Py_XDECREF(lineno_o);
    Py_XDECREF(offset_o);
    Py_XDECREF(end_lineno_o);
    Py_XDECREF(end_offset_o);
    Py_XDECREF(text);
}

static void print_message(kr_pctx *c, PyTypeObject *type, PyObject *value)
{
    kr_out *o = c->out;
    indent_margin(c);
    PyObject *mod = PyObject_GetAttrString((PyObject *)type, "__module__");
    if (mod == NULL || !PyUnicode_Check(mod)) {
        PyErr_Clear();
        out_s(o, "<unknown>.");
    }
    else if (PyUnicode_CompareWithASCIIString(mod, "builtins") != 0 &&
             PyUnicode_CompareWithASCIIString(mod, "__main__") != 0) {
        out_str(o, mod);
        out_s(o, ".");
    }
    Py_XDECREF(mod);
    PyObject *qual = PyObject_GetAttrString((PyObject *)type, "__qualname__");
    if (qual == NULL || !PyUnicode_Check(qual)) {
        PyErr_Clear();
        out_s(o, "<unknown>");
    }
    else {
        out_str(o, qual);
    }
    Py_XDECREF(qual);
    if (value == Py_None)
        return;
    PyObject *s = PyObject_Str(value);
    if (s == NULL) {
        PyErr_Clear();
        out_s(o, ": <exception str() failed>");
        return;
    }
    if (!PyUnicode_Check(s) || PyUnicode_GET_LENGTH(s) != 0)
        out_s(o, ": ");
    out_str(o, s);
    Py_DECREF(s);
}

static void print_notes(kr_pctx *c, PyObject *value)
{
    PyObject *notes;
    if (!PyExceptionInstance_Check(value))
        return;
    if (_PyObject_LookupAttr(value, KR_ID(__notes__), &notes) <= 0) {
        PyErr_Clear();
        return;
    }
    if (!PySequence_Check(notes) || PyUnicode_Check(notes)) {
        indent_margin(c);
        PyObject *r = PyObject_Repr(notes);
        if (r == NULL) {
            PyErr_Clear();
            out_s(c->out, "<__notes__ repr() failed>");
        }
        else {
            out_str(c->out, r);
            Py_DECREF(r);
        }
        /* 3.11 writes no line end here */
        Py_DECREF(notes);
        return;
    }
    Py_ssize_t n = PySequence_Size(notes);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *note = PySequence_GetItem(notes, i);
        if (note == NULL) {
            PyErr_Clear();
            break;
        }
        if (PyUnicode_Check(note)) {
            PyObject *lines = PyUnicode_Splitlines(note, 1);
            if (lines == NULL) {
                PyErr_Clear();
            }
            else {
                for (Py_ssize_t j = 0; j < PyList_GET_SIZE(lines); j++) {
                    indent_margin(c);
                    out_str(c->out, PyList_GET_ITEM(lines, j));
                }
                Py_DECREF(lines);
            }
            out_s(c->out, "\n");
        }
        else {
            indent_margin(c);
            PyObject *r = PyObject_Repr(note);
            if (r == NULL) {
                PyErr_Clear();
                out_s(c->out, "<note repr() failed>");
            }
            else {
                out_str(c->out, r);
                Py_DECREF(r);
            }
            out_s(c->out, "\n");
        }
        Py_DECREF(note);
    }
    Py_DECREF(notes);
}

static void print_one(kr_pctx *c, PyObject *value)
{
    if (!PyExceptionInstance_Check(value)) {
        indent_margin(c);
        out_fmt(c->out, "TypeError: print_exception(): Exception expected for value, %s found\n",
                Py_TYPE(value)->tp_name);
        return;
    }
    Py_INCREF(value);
    PyObject *orig = Py_NewRef(value);
    PyObject *tb = ((PyBaseExceptionObject *)value)->traceback;
    if (tb != NULL && tb != Py_None) {
        const char *header = "Traceback (most recent call last):\n";
        const char *hmargin = c->group_depth ? "| " : "";
        if (_PyBaseExceptionGroup_Check(value)) {
            header = "Exception Group Traceback (most recent call last):\n";
            if (c->group_depth == 1)
                hmargin = "+ ";
        }
        print_tb(c, tb, hmargin, header);
    }
    PyTypeObject *type = Py_TYPE(value);
    print_syntax_location(c, &value);
    print_message(c, type, value);
    PyObject *sugg = offer_suggestions(orig);
    if (sugg != NULL) {
        out_s(c->out, ". Did you mean: '");
        out_str(c->out, sugg);
        out_s(c->out, "'?");
        Py_DECREF(sugg);
    }
    else {
        PyErr_Clear();
    }
    out_s(c->out, "\n");
    print_notes(c, orig);
    Py_DECREF(orig);
    Py_DECREF(value);
}

static void print_recursive(kr_pctx *c, PyObject *value);

static int seen_contains(kr_pctx *c, PyObject *v)
{
    if (c->seen == NULL)
        return 0;
    PyObject *id = PyLong_FromVoidPtr(v);
    if (id == NULL) {
        PyErr_Clear();
        return 0;
    }
    int r = PySet_Contains(c->seen, id);
    Py_DECREF(id);
    if (r < 0) {
        PyErr_Clear();
        return 0;
    }
    return r;
}

static void print_chained(kr_pctx *c, PyObject *value, const char *message)
{
    int need_close = c->need_close;
    print_recursive(c, value);
    c->need_close = need_close;
    indent_margin(c);
    out_s(c->out, "\n");
    indent_margin(c);
    out_s(c->out, message);
    indent_margin(c);
    out_s(c->out, "\n");
}

static void print_group(kr_pctx *c, PyObject *value)
{
    kr_out *o = c->out;
    if (c->group_depth > c->max_group_depth) {
        indent_margin(c);
        out_fmt(o, "... (max_group_depth is %d)\n", c->max_group_depth);
        return;
    }
    if (c->group_depth == 0)
        c->group_depth++;
    print_one(c, value);
    PyObject *excs = ((PyBaseExceptionGroupObject *)value)->excs;
    Py_ssize_t num = excs ? PyTuple_GET_SIZE(excs) : 0;
    Py_ssize_t n = num <= c->max_group_width ? num : c->max_group_width + 1;
    c->need_close = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int last = i == n - 1;
        if (last)
            c->need_close = 1;
        out_rep(o, ' ', 2 * c->group_depth);
        int truncated = i >= c->max_group_width;
        if (!truncated)
            out_fmt(o, "%s+---------------- %zd ----------------\n", i == 0 ? "+-" : "  ", i + 1);
        else
            out_fmt(o, "%s+---------------- ... ----------------\n", i == 0 ? "+-" : "  ");
        c->group_depth++;
        if (!truncated) {
            print_recursive(c, PyTuple_GET_ITEM(excs, i));
        }
        else {
            Py_ssize_t rem = num - c->max_group_width;
            indent_margin(c);
            out_fmt(o, "and %zd more exception%s\n", rem, rem > 1 ? "s" : "");
        }
        if (last && c->need_close) {
            out_rep(o, ' ', 2 * c->group_depth);
            out_s(o, "+------------------------------------\n");
            c->need_close = 0;
        }
        c->group_depth--;
    }
    if (c->group_depth == 1)
        c->group_depth--;
}

static void print_recursive(kr_pctx *c, PyObject *value)
{
    if (Py_EnterRecursiveCall(" in print_exception_recursive") != 0) {
        PyErr_Clear();
        return;
    }
    if (c->seen != NULL) {
        PyObject *id = PyLong_FromVoidPtr(value);
        if (id == NULL || PySet_Add(c->seen, id) < 0) {
            PyErr_Clear();
        }
        else if (PyExceptionInstance_Check(value)) {
            PyBaseExceptionObject *b = (PyBaseExceptionObject *)value;
            if (b->cause != NULL) {
                if (!seen_contains(c, b->cause))
                    print_chained(c, b->cause,
                                  "The above exception was the direct cause of the following exception:\n");
            }
            else if (b->context != NULL && !b->suppress_context) {
                if (!seen_contains(c, b->context))
                    print_chained(c, b->context,
                                  "During handling of the above exception, another exception occurred:\n");
            }
        }
        Py_XDECREF(id);
    }
    if (PyExceptionInstance_Check(value) && _PyBaseExceptionGroup_Check(value))
        print_group(c, value);
    else
        print_one(c, value);
    Py_LeaveRecursiveCall();
}

/* Write buf to `file` (a Python file) or C stderr. */
static int write_out(kr_out *o, PyObject *file)
{
    if (o->oom || o->p == NULL)
        return o->oom ? -1 : 0;
    if (file == NULL || file == Py_None) {
        fflush(stdout);
        fwrite(o->p, 1, o->len, stderr);
        fflush(stderr);
        return 0;
    }
    PyObject *s = PyUnicode_DecodeUTF8(o->p, (Py_ssize_t)o->len, "surrogateescape");
    if (s == NULL)
        return -1;
    int r = PyFile_WriteObject(s, file, Py_PRINT_RAW);
    Py_DECREF(s);
    if (r == 0) {
        PyObject *fr = PyObject_CallMethod(file, "flush", NULL);
        if (fr == NULL)
            PyErr_Clear();
        Py_XDECREF(fr);
    }
    return r;
}

int kr_exception_display(PyObject *exc, PyObject *file)
{
    kr_out o = {NULL, 0, 0, 0};
    kr_pctx c = {&o, PySet_New(NULL), 0, 0, 15, 10};
    if (c.seen == NULL)
        PyErr_Clear();
    /* As CPython: only C's stdout is flushed, not sys.stdout, so the
     * relative order of the two streams is the same as there. */
    fflush(stdout);
    print_recursive(&c, exc);
    Py_XDECREF(c.seen);
    int r = write_out(&o, file);
    free(o.p);
    return r;
}

void PyErr_Display(PyObject *type, PyObject *value, PyObject *tb)
{
    if (value == NULL || value == Py_None)
        return;
    PyObject *file = PySys_GetObject("stderr");
    if (PyExceptionInstance_Check(value) && tb != NULL && PyTraceBack_Check(tb) &&
        ((PyBaseExceptionObject *)value)->traceback == NULL)
        PyException_SetTraceback(value, tb);
    Py_XINCREF(file);
    if (kr_exception_display(value, file) < 0) {
        PyErr_Clear();
        kr_exception_display(value, NULL);
    }
    Py_XDECREF(file);
}

/* ---- PyErr_Print ---- */

/* SystemExit: the exit status it asks for (printing a non-int code). */
static int system_exit_status(PyObject *exc)
{
    PyObject *code = PyObject_GetAttrString(exc, "code");
    if (code == NULL) {
        PyErr_Clear();
        return 0;
    }
    int status = 0;
    if (code == Py_None) {
        status = 0;
    }
    else if (PyLong_Check(code)) {
        status = (int)PyLong_AsLong(code);
        if (PyErr_Occurred()) {
            PyErr_Clear();
            status = -1;
        }
    }
    else {
        PyObject *err = PySys_GetObject("stderr");
        if (err != NULL && err != Py_None) {
            if (PyFile_WriteObject(code, err, Py_PRINT_RAW) < 0 || PyFile_WriteString("\n", err) < 0)
                PyErr_Clear();
        }
        else {
            PyObject_Print(code, stderr, Py_PRINT_RAW);
            fputc('\n', stderr);
        }
        status = 1;
    }
    Py_DECREF(code);
    return status;
}

void PyErr_PrintEx(int set_sys_last_vars)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL)
        return;
    if (PyErr_GivenExceptionMatches(exc, PyExc_SystemExit)) {
        struct kr_context *ctx = kr_context_get();
        if (ctx != NULL && ctx == kr_main_context) {
            int status = system_exit_status(exc);
            Py_DECREF(exc);
            Py_Exit(status);
        }
        Py_DECREF(exc);   /* an embedded context never ends the process */
        return;
    }
    PyObject *type = (PyObject *)Py_TYPE(exc);
    PyObject *tb = PyException_GetTraceback(exc);
    if (set_sys_last_vars) {
        if (PySys_SetObject("last_type", type) < 0 ||
            PySys_SetObject("last_value", exc) < 0 ||
            PySys_SetObject("last_traceback", tb ? tb : Py_None) < 0)
            PyErr_Clear();
    }
    PyObject *hook = PySys_GetObject("excepthook");
    if (hook != NULL && hook != Py_None) {
        Py_INCREF(hook);
        PyObject *r = PyObject_CallFunctionObjArgs(hook, type, exc, tb ? tb : Py_None, NULL);
        Py_DECREF(hook);
        if (r == NULL) {
            PyObject *exc2 = PyErr_GetRaisedException();
            if (exc2 != NULL && PyErr_GivenExceptionMatches(exc2, PyExc_SystemExit)) {
                PyErr_SetRaisedException(exc2);
                Py_XDECREF(tb);
                Py_DECREF(exc);
                PyErr_PrintEx(0);
                return;
            }
            PyObject *err = PySys_GetObject("stderr");
            fflush(stdout);
            if (err != NULL && err != Py_None)
                PyFile_WriteString("Error in sys.excepthook:\n", err);
            else
                fputs("Error in sys.excepthook:\n", stderr);
            if (exc2 != NULL)
                kr_exception_display(exc2, err);
            if (err != NULL && err != Py_None)
                PyFile_WriteString("\nOriginal exception was:\n", err);
            else
                fputs("\nOriginal exception was:\n", stderr);
            kr_exception_display(exc, err);
            Py_XDECREF(exc2);
            PyErr_Clear();
        }
        Py_XDECREF(r);
    }
    else {
        PyObject *err = PySys_GetObject("stderr");
        if (err != NULL && err != Py_None)
            PyFile_WriteString("sys.excepthook is missing\n", err);
        else
            fputs("sys.excepthook is missing\n", stderr);
        kr_exception_display(exc, err);
        PyErr_Clear();
    }
    Py_XDECREF(tb);
    Py_DECREF(exc);
}

void PyErr_Print(void) { PyErr_PrintEx(1); }

/* ---- unraisable exceptions (sys.unraisablehook's default) ---- */

static void print_unraisable(PyObject *exc_type, PyObject *exc_value, PyObject *exc_tb,
                             PyObject *err_msg, PyObject *obj, PyObject *file)
{
    kr_out o = {NULL, 0, 0, 0};
    kr_pctx c = {&o, NULL, 0, 0, 15, 10};
    if (obj != NULL && obj != Py_None) {
        if (err_msg != NULL && err_msg != Py_None) {
            out_str(&o, err_msg);
            out_s(&o, ": ");
        }
        else {
            out_s(&o, "Exception ignored in: ");
        }
        PyObject *r = PyObject_Repr(obj);
        if (r == NULL) {
            PyErr_Clear();
            out_s(&o, "<object repr() failed>");
        }
        else {
            out_str(&o, r);
            Py_DECREF(r);
        }
        out_s(&o, "\n");
    }
    else if (err_msg != NULL && err_msg != Py_None) {
        out_str(&o, err_msg);
        out_s(&o, ":\n");
    }
    if (exc_tb != NULL && exc_tb != Py_None && PyTraceBack_Check(exc_tb))
        print_tb(&c, exc_tb, "", "Traceback (most recent call last):\n");
    if (exc_type != NULL && exc_type != Py_None) {
        PyObject *mod = PyObject_GetAttrString(exc_type, "__module__");
        PyObject *qual = PyObject_GetAttrString(exc_type, "__qualname__");
        if (mod == NULL || qual == NULL)
            PyErr_Clear();
        if (mod != NULL && PyUnicode_Check(mod) &&
            PyUnicode_CompareWithASCIIString(mod, "builtins") != 0) {
            out_str(&o, mod);
            out_s(&o, ".");
        }
        if (qual != NULL && PyUnicode_Check(qual))
            out_str(&o, qual);
        else
            out_s(&o, "<unknown>");
        Py_XDECREF(mod);
        Py_XDECREF(qual);
        if (exc_value != NULL && exc_value != Py_None) {
            out_s(&o, ": ");
            PyObject *s = PyObject_Str(exc_value);
            if (s == NULL) {
                PyErr_Clear();
                out_s(&o, "<exception str() failed>");
            }
            else {
                out_str(&o, s);
                Py_DECREF(s);
            }
        }
        out_s(&o, "\n");
    }
    if (write_out(&o, file) < 0) {
        PyErr_Clear();
        write_out(&o, NULL);
    }
    free(o.p);
}

PyObject *kr_default_unraisablehook(PyObject *args)
{
    PyObject *f[5];
    static const char *const names[5] = {"exc_type", "exc_value", "exc_traceback", "err_msg", "object"};
    for (int i = 0; i < 5; i++) {
        f[i] = PyObject_GetAttrString(args, names[i]);
        if (f[i] == NULL) {
            for (int j = 0; j < i; j++)
                Py_DECREF(f[j]);
            return NULL;
        }
    }
    PyObject *file = PySys_GetObject("stderr");
    Py_XINCREF(file);
    print_unraisable(f[0], f[1], f[2], f[3], f[4], file);
    Py_XDECREF(file);
    for (int i = 0; i < 5; i++)
        Py_DECREF(f[i]);
    Py_RETURN_NONE;
}

/* Report exc (taken) through sys.unraisablehook, or print it directly
 * when the hook is the default one or missing. */
void kr_write_unraisable(PyObject *exc, PyObject *err_msg, PyObject *obj)
{
    PyObject *hook = PySys_GetObject("unraisablehook");
    PyObject *dflt = PySys_GetObject("__unraisablehook__");
    PyObject *type = (PyObject *)Py_TYPE(exc);
    PyObject *tb = ((PyBaseExceptionObject *)exc)->traceback;
    if (hook != NULL && hook != Py_None && hook != dflt) {
        PyObject *ns = kr_namespace_new(NULL);
        if (ns != NULL &&
            PyObject_SetAttrString(ns, "exc_type", type) == 0 &&
            PyObject_SetAttrString(ns, "exc_value", exc) == 0 &&
            PyObject_SetAttrString(ns, "exc_traceback", tb ? tb : Py_None) == 0 &&
            PyObject_SetAttrString(ns, "err_msg", err_msg ? err_msg : Py_None) == 0 &&
            PyObject_SetAttrString(ns, "object", obj ? obj : Py_None) == 0) {
            Py_INCREF(hook);
            PyObject *r = PyObject_CallOneArg(hook, ns);
            Py_DECREF(hook);
            Py_DECREF(ns);
            if (r != NULL) {
                Py_DECREF(r);
                return;
            }
            /* the hook failed: report that, then the original */
            PyObject *hexc = PyErr_GetRaisedException();
            PyObject *m = PyUnicode_FromString("Exception ignored in sys.unraisablehook");
            PyObject *file = PySys_GetObject("stderr");
            print_unraisable((PyObject *)Py_TYPE(hexc), hexc,
                             ((PyBaseExceptionObject *)hexc)->traceback, m, hook, file);
            Py_XDECREF(m);
            Py_DECREF(hexc);
            PyErr_Clear();
            return;   /* as CPython: the original exception is not shown */
        }
        else {
            Py_XDECREF(ns);
            PyErr_Clear();
        }
    }
    PyObject *file = PySys_GetObject("stderr");
    Py_XINCREF(file);
    print_unraisable(type, exc, tb ? tb : Py_None, err_msg, obj, file);
    Py_XDECREF(file);
    PyErr_Clear();
}
