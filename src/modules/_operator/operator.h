/* operator.h: what the files of the built-in `_operator` module share:
 * the function table (functions.c) and the three callable types
 * (getters.c: itemgetter, attrgetter, methodcaller).  module.c builds
 * the module. */
#ifndef KR_OPERATOR_H
#define KR_OPERATOR_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

extern PyTypeObject kr_itemgetter_type, kr_attrgetter_type, kr_methodcaller_type;

/* The module's functions, NULL-terminated. */
extern PyMethodDef kr_operator_functions[];

#endif
