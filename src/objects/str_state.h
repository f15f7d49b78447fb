/* str_state.h: per-context state of the str area, embedded in
 * struct kr_context (runtime/context.h).  Free lists, caches and anything
 * else that changes at run time go here, never in a static variable.
 * (owned by the str area) */
#ifndef KR_STR_STATE_H
#define KR_STR_STATE_H
#ifndef KR_BUILD_CORE
#error "internal header"
#endif

struct _object;

struct kr_str_state {
    /* Interned strings: dict str -> str (owned), created on first use and
     * seeded with the process-wide identifiers (str_ids.def). */
    struct _object *interned;
    /* Codec registry (codecs_builtin.c): list of search functions,
     * dict normalised-name -> CodecInfo, dict name -> error handler. */
    struct _object *codec_search_path;
    struct _object *codec_search_cache;
    struct _object *codec_error_registry;
};

/* Releases the references above; called by the runtime when it tears a
 * context down (after the last Python code of the context has run). */
void kr_str_state_clear(struct kr_str_state *st);

#endif
