/* collections.h: what the files of the built-in `_collections` module
 * share: its static types (deque.c: deque and its iterators;
 * defaultdict.c; tuplegetter.c).  module.c builds the module. */
#ifndef KR_COLLECTIONS_H
#define KR_COLLECTIONS_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

#include "objects/str_ids.h"

extern PyTypeObject kr_deque_type, kr_dequeiter_type, kr_dequereviter_type;
extern PyTypeObject kr_defaultdict_type, kr_tuplegetter_type;

#endif
