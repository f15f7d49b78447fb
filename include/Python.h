/* Python.h: the whole public C API of Krait, a Python 3.11 runtime.
 *
 * Extensions include this header exactly as they would CPython's.  It
 * brings the standard C headers CPython's Python.h brings, then every part
 * of the API.  Internal runtime declarations are NOT here: they live in
 * headers under src/ that refuse to compile outside the runtime. */
#ifndef Py_PYTHON_H
#define Py_PYTHON_H

#ifndef _GNU_SOURCE
#  define _GNU_SOURCE 1
#endif
/* As in CPython, the limited API of 3.11 stops bringing errno.h, stdio.h,
 * stdlib.h and string.h. */
#include <assert.h>
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 < 0x030b0000
#include <errno.h>
#endif
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#if !defined(Py_LIMITED_API) || Py_LIMITED_API+0 < 0x030b0000
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#endif
#include <wchar.h>
#include <unistd.h>

#define KRAIT 1

#include "patchlevel.h"
#include "pyport.h"
#include "pymacro.h"
#include "pymath.h"
#include "pymem.h"
#include "object.h"
#include "typeslots.h"
#include "objimpl.h"
#include "pyhash.h"
#include "pybuffer.h"
#include "bytearrayobject.h"
#include "bytesobject.h"
#include "unicodeobject.h"
#include "longobject.h"
#include "boolobject.h"
#include "floatobject.h"
#include "complexobject.h"
#include "rangeobject.h"
#include "memoryobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "enumobject.h"
#include "setobject.h"
#include "genericaliasobject.h"
#include "methodobject.h"
#include "moduleobject.h"
#include "funcobject.h"
#include "classobject.h"
#include "fileobject.h"
#include "pycapsule.h"
#include "code.h"
#include "pyframe_fwd.h"
#include "traceback.h"
#include "sliceobject.h"
#include "cellobject.h"
#include "iterobject.h"
#include "genobject.h"
#include "descrobject.h"
#ifndef Py_LIMITED_API
/* CPython's Python.h leaves structmember.h to be included explicitly;
 * Krait's brings it in, except for the limited API, which stays exact. */
#include "structmember.h"
#endif
#include "warnings.h"
#include "weakrefobject.h"
#include "structseq.h"
#include "codecs.h"
#include "pyerrors.h"
#include "pythread.h"
#include "pystate.h"
#include "modsupport.h"
#include "compile.h"
#include "pythonrun.h"
#include "pylifecycle.h"
#include "pymain.h"
#include "ceval.h"
#include "sysmodule.h"
#include "osmodule.h"
#include "intrcheck.h"
#include "import.h"
#include "abstract.h"
#include "bltinmodule.h"
#include "pyctype.h"
#include "pystrtod.h"
#include "fileutils.h"
#include "context.h"
#include "odictobject.h"
#include "marshal.h"
#include "initconfig.h"
#include "pickle_buffer.h"
#include "capi_legacy.h"

#endif /* Py_PYTHON_H */
