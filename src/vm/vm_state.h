/* vm_state.h: per-context and per-thread state of the interpreter loop,
 * embedded in struct kr_context and PyThreadState (runtime/context.h).
 * (owned by the vm area) */
#ifndef KR_VM_STATE_H
#define KR_VM_STATE_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

struct kr_vm_state {
    int unused_;   /* placeholder until the vm area adds its fields */
};

struct kr_vm_tstate {
    struct kr_frame *current_frame;   /* innermost executing Python frame */
};

#endif
