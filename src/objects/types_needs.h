/* types_needs.h: what the types area uses from other areas that is not
 * (or not yet) declared in their headers.  Each declaration names the area
 * expected to define it; the integrator moves them where they belong.
 * (owned by the types area) */
#ifndef KR_TYPES_NEEDS_H
#define KR_TYPES_NEEDS_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

/* vm area: the innermost executing Python frame of the current thread
 * (kr_tstate->vm.current_frame) exposes its code object and its fast
 * locals ("localsplus", laid out as described in src/vm/code.h).  super()
 * without arguments needs both. */
struct kr_frame;
PyCodeObject *kr_frame_get_code(struct kr_frame *f);
PyObject **kr_frame_get_localsplus(struct kr_frame *f);

#endif
