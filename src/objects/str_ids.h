/* str_ids.h: process-wide interned identifiers.
 *
 * KR_ID(__init__) is a borrowed reference to the immortal str "__init__".
 * The list lives in str_ids.def (an X-macro file any area may append to);
 * the struct below gets one field per name, filled once by
 * kr_str_runtime_init() before any context exists and never changed
 * after, so every context shares it without writing to it.  Each context's
 * interned dict (str_state.h) is seeded with these same objects, so
 * PyUnicode_InternInPlace("__init__") returns exactly KR_ID(__init__).
 * (owned by the str area) */
#ifndef KR_STR_IDS_H
#define KR_STR_IDS_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

struct kr_ids {
#define KR_ID_DEF(name) PyObject *kr_##name;
#include "objects/str_ids.def"
#undef KR_ID_DEF
};

extern struct kr_ids kr_ids;

/* Fields are prefixed because some names (__func__, default, ...) are C
 * keywords. */
#define KR_ID(name) (kr_ids.kr_##name)

/* Process start-up of the str area: the empty string, the 256 latin-1
 * one-character strings and the identifiers above.  Called once by the
 * runtime before any context is created.  Returns 0, or -1 on failure. */
int kr_str_runtime_init(void);

/* Seeds the hash secret from PYTHONHASHSEED (or random bytes).  Called
 * once by the runtime at process start, before any str is hashed. */
int kr_hash_init(void);

#endif
