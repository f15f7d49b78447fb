/* warningsmodule.c: the built-in `_warnings` module's entry point.  The
 * module (warn, warn_explicit, filters, ...) is defined with the C warning
 * machinery in src/runtime/warnings.c. */
#include "internal.h"
#include "runtime/runtime.h"

PyMODINIT_FUNC PyInit__warnings(void)
{
    return kr_warnings_module_init();
}
