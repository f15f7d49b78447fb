/* bltinmodule.h: the builtins module
 * (owned by the builtins area) */
#ifndef PY_BLTINMODULE_H
#define PY_BLTINMODULE_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
