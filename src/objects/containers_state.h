/* containers_state.h: per-context state of the containers area, embedded
 * in struct kr_context (runtime/context.h).  The free lists live here, not
 * in static variables, so that contexts on different threads never share
 * them.  Objects on a free list are dead (untracked, refcount 0) and
 * belong to the context's allocator.
 * (owned by the containers area) */
#ifndef KR_CONTAINERS_STATE_H
#define KR_CONTAINERS_STATE_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

#include <stdint.h>

/* Tuples of length 1 .. KR_TUPLE_MAXSAVESIZE-1 are recycled by length. */
#define KR_TUPLE_MAXSAVESIZE 20
#define KR_TUPLE_MAXFREELIST 2000
#define KR_LIST_MAXFREELIST 80
#define KR_DICT_MAXFREELIST 80

struct kr_containers_state {
    /* tuple_free[n] chains dead tuples of length n through ob_item[0] */
    struct _object *tuple_free[KR_TUPLE_MAXSAVESIZE];
    int tuple_numfree[KR_TUPLE_MAXSAVESIZE];
    struct _object *list_free[KR_LIST_MAXFREELIST];
    int list_numfree;
    struct _object *dict_free[KR_DICT_MAXFREELIST];
    int dict_numfree;
    /* minimum-size dict key tables (8 slots), reused as a block */
    void *dictkeys_free[KR_DICT_MAXFREELIST];
    int dictkeys_numfree;
    /* source of dict version tags: every mutation takes a fresh one, so
     * two states of one dict never share a tag */
    uint64_t dict_version;
};

#endif
