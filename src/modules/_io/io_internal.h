/* io_internal.h: what the files of the _io module share.
 *
 * The module is split by class family: iobase.c (the four abstract bases),
 * fileio.c, bytesio.c, stringio.c, bufferedio.c, textio.c (TextIOWrapper
 * and IncrementalNewlineDecoder) and module.c (open(), the module object).
 * Every class is a static type listed in runtime/static_types.c; the only
 * per-context object is the UnsupportedOperation class, kept in the
 * module's state. */
#ifndef KR_IO_INTERNAL_H
#define KR_IO_INTERNAL_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

#include "internal.h"
#include <sys/types.h>

#define KR_IO_DEFAULT_BUFFER_SIZE (8 * 1024)

extern PyTypeObject PyIOBase_Type, PyRawIOBase_Type, PyBufferedIOBase_Type, PyTextIOBase_Type;
extern PyTypeObject PyFileIO_Type, PyBytesIO_Type, PyStringIO_Type, kr_BytesIOBuffer_Type;
extern PyTypeObject PyBufferedReader_Type, PyBufferedWriter_Type, PyBufferedRandom_Type,
    PyBufferedRWPair_Type;
extern PyTypeObject PyTextIOWrapper_Type, PyIncrementalNewlineDecoder_Type;

/* The layout every _IOBase instance starts with: the instance dict (which
 * holds the `__IOBase_closed` flag of pure-Python subclasses) and the
 * weak reference list. */
typedef struct {
    PyObject_HEAD
    PyObject *dict;
    PyObject *weakreflist;
} kr_iobase;

/* FileIO; the buffered layer reads its fields for its fast path. */
typedef struct {
    PyObject_HEAD
    PyObject *dict;
    PyObject *weakreflist;
    int fd;
    unsigned created : 1, readable : 1, writable : 1, appending : 1;
    signed seekable : 2;          /* -1 until known */
    unsigned closefd : 1, finalizing : 1;
    long blksize;
} kr_fileio;

/* Raises io.UnsupportedOperation(msg); returns NULL. */
PyObject *kr_io_unsupported(const char *msg);
/* The UnsupportedOperation class of this context (borrowed), or NULL. */
PyObject *kr_io_unsupported_class(void);
/* Raises ValueError("I/O operation on closed file."); returns NULL. */
PyObject *kr_io_closed_error(void);

/* self.closed, as a C truth value (-1 on error). */
int kr_io_is_closed(PyObject *self);
/* Raise ValueError when self.closed is true: 0 when open, -1 otherwise. */
int kr_io_check_closed(PyObject *self);
/* self.readable() etc. must return True, else UnsupportedOperation with
 * IOBase's texts.  0, or -1 with an exception set. */
int kr_io_check_readable(PyObject *self);
int kr_io_check_writable(PyObject *self);
int kr_io_check_seekable(PyObject *self);

/* _IOBase's close() and finalizer, which the concrete classes reuse for
 * the closed flag in the instance dict. */
int kr_iobase_is_closed_flag(PyObject *self);
PyObject *kr_iobase_close(PyObject *self, PyObject *unused);
void kr_iobase_finalize(PyObject *self);
int kr_iobase_traverse(PyObject *self, visitproc visit, void *arg);
int kr_iobase_clear(PyObject *self);

/* close() of a layer over another stream (buffered over raw, text over
 * buffer): flush self, then close `inner`; a flush error wins, with the
 * close error chained to it.  New reference (None), or NULL. */
PyObject *kr_io_flush_and_close_inner(PyObject *self, PyObject *inner);

/* __next__ of a stream whose subclass may override readline():
 * self.readline(), which must return str (text) or bytes, as CPython
 * checks.  New reference, or NULL. */
PyObject *kr_io_call_readline(PyObject *self, int text);

/* The position and dict items of BytesIO/StringIO __setstate__, with the
 * messages (formats taking the offending type's name) each class uses. */
int kr_io_restore_pos_dict(PyObject *posobj, const char *pos_msg, PyObject *dict,
                           const char *dict_msg, Py_ssize_t *pos, PyObject **selfdict);

/* Size arguments: an int, or None (= -1).  0 or -1 with TypeError. */
int kr_io_size_arg(PyObject *arg, Py_ssize_t *out);

/* A position argument (off_t semantics): int via __index__. */
int kr_io_offset_arg(PyObject *arg, off_t *out);

/* seek() positions of the in-memory streams: int via __index__, with
 * OverflowError worded as CPython's for them. */
int kr_io_seek_arg(PyObject *arg, Py_ssize_t *out);


/* FileIO primitives shared with the buffered layer's fast path.  Return
 * the count (>= 0), -2 for EAGAIN (no data, non-blocking), or -1 with an
 * exception set. */
Py_ssize_t kr_fileio_read_fd(int fd, char *buf, Py_ssize_t n);
Py_ssize_t kr_fileio_write_fd(int fd, const char *buf, Py_ssize_t n);

/* Locale-independent name of the default text encoding ("UTF-8"). */
#define KR_IO_LOCALE_ENCODING "UTF-8"

/* Whether a BufferedReader/Writer/Random of the exact type over an exact
 * FileIO is closed, read from the descriptor without attribute calls:
 * 1 or 0, or -2 when the object is not such a stack. */
int kr_buffered_closed_fast(PyObject *buffer);

/* Newline handling shared by TextIOWrapper, StringIO and
 * IncrementalNewlineDecoder (textio.c). */
#define KR_SEEN_LF 1
#define KR_SEEN_CR 2
#define KR_SEEN_CRLF 4
/* The `newlines` value for a set of KR_SEEN_* bits (new reference). */
PyObject *kr_io_newlines_obj(int seennl);
/* Universal-newline translation of str `text`: records the newline kinds
 * seen in *seennl and, when `translate`, turns \r\n and \r into \n.
 * *pendingcr carries a \r held back from the previous call; unless
 * `final`, a trailing \r is held back again.  New reference. */
PyObject *kr_io_translate_newlines(PyObject *text, int translate, int final, int *seennl,
                                   int *pendingcr);
/* Where the first line of data[start:end) ends (index just past the line
 * ending), or -1 with *consumed set to how much can be skipped before
 * searching again.  `readnl` is the newline to look for when neither
 * translated nor universal. */
Py_ssize_t kr_io_find_line_ending(int translated, int universal, PyObject *readnl, int kind,
                                  const void *data, Py_ssize_t start, Py_ssize_t end,
                                  Py_ssize_t *consumed);

/* Builds the standard stream `fd` (TextIOWrapper over a buffered FileIO),
 * as start-up does.  New reference. */
PyObject *kr_io_make_std_stream(int fd, const char *encoding, const char *errors,
                                int write_through);

#endif
