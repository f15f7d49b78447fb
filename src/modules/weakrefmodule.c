/* weakrefmodule.c: the built-in `_weakref` module's entry point.  The
 * module itself (ref, proxy, getweakrefcount, ...) is defined next to the
 * weak reference types, in src/runtime/weakrefobject.c. */
#include "internal.h"
#include "runtime/runtime.h"

PyMODINIT_FUNC PyInit__weakref(void)
{
    return kr_weakref_module_init();
}
