/* contextvars.h: internal entry points of src/capi/contextvars.c. */
#ifndef KR_CAPI_CONTEXTVARS_H
#define KR_CAPI_CONTEXTVARS_H

/* Finish the context-variable types after the runtime has readied them
 * (adds Token.MISSING); call once at process start-up, with no context
 * bound.  Returns 0, or -1 on failure. */
int kr_contextvars_types_init(void);

#endif
