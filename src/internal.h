/* internal.h: the umbrella header of the Krait runtime itself.
 *
 * Every .c file under src/ includes this first.  It pulls in the public C
 * API (include/Python.h) and the context, which owns all mutable state.
 * Headers under src/ are internal: they refuse to compile unless
 * KR_BUILD_CORE is defined, which only the runtime's own build does, so an
 * extension can never come to depend on them. */
#ifndef KR_INTERNAL_H
#define KR_INTERNAL_H

#ifndef KR_BUILD_CORE
#error "src/ headers are internal to the Krait runtime; extensions include <Python.h>"
#endif

#include "Python.h"
#include "runtime/context.h"

/* Assumptions that must hold; checked in debug builds only (SQLite's
 * ALWAYS/NEVER, Lua's api_check). */
#ifdef KR_DEBUG
#  define kr_assert(cond) assert(cond)
#else
#  define kr_assert(cond) ((void)0)
#endif

#endif
