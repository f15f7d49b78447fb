/* abstract.h: the abstract object protocols (object, number, sequence, mapping, iterator, call)
 * (owned by the types area) */
#ifndef PY_ABSTRACT_H
#define PY_ABSTRACT_H
#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
