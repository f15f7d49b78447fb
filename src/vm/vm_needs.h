/* vm_needs.h: what the vm area uses from other areas beyond the public C
 * API headers: the interned identifiers (str area).  Declarations of
 * functions another area still owes go here too, each naming its area, so
 * the integrator can move them.  (owned by the vm area) */
#ifndef KR_VM_NEEDS_H
#define KR_VM_NEEDS_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif
#include "objects/str_ids.h"

#endif
