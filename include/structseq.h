/* structseq.h: struct sequences
 * (owned by the runtime area) */
#ifndef PY_STRUCTSEQ_H
#define PY_STRUCTSEQ_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
