/* siphash.c: the str/bytes hash (SipHash-1-3) and the process hash secret.
 *
 * CPython hashes the raw PEP 393 buffer of a str (1, 2 or 4 bytes per
 * character) and the bytes of a bytes object with SipHash-1-3, keyed by a
 * 128-bit secret chosen at start-up.  PYTHONHASHSEED=N derives the secret
 * from N with the same linear congruential generator CPython uses, and N=0
 * means an all-zero key; so with a fixed seed Krait's hashes, and hence
 * the iteration order of sets and dicts of strings, match CPython's.
 *
 * The secret is process-wide: written once by kr_hash_init() before any
 * context exists, read-only afterwards.
 * (owned by the str area) */
#include "internal.h"
#include "objects/str_internal.h"
#include <sys/random.h>

struct kr_hash_secret {
    uint64_t k0, k1;
    int ready;
};

/* Written once at process start (kr_hash_init), then only read. */
static struct kr_hash_secret kr_secret;

static inline uint64_t kr_rotl64(uint64_t x, int b)
{
    return (x << b) | (x >> (64 - b));
}

#define KR_SIP_HALF(a, b, c, d, s, t) \
    do { \
        a += b; c += d; \
        b = kr_rotl64(b, s) ^ a; \
        d = kr_rotl64(d, t) ^ c; \
        a = kr_rotl64(a, 32); \
    } while (0)
#define KR_SIP_ROUND(v0, v1, v2, v3) \
    do { \
        KR_SIP_HALF(v0, v1, v2, v3, 13, 16); \
        KR_SIP_HALF(v2, v1, v0, v3, 17, 21); \
    } while (0)

static uint64_t kr_siphash13_keyed(uint64_t k0, uint64_t k1, const void *src, Py_ssize_t len)
{
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = k1 ^ 0x7465646279746573ULL;
    const uint8_t *p = (const uint8_t *)src;
    size_t n = (size_t)len;
    uint64_t b = (uint64_t)n << 56;
    uint64_t m, t = 0;

    while (n >= 8) {
        memcpy(&m, p, 8);        /* little-endian host (x86-64) */
        v3 ^= m;
        KR_SIP_ROUND(v0, v1, v2, v3);
        v0 ^= m;
        p += 8;
        n -= 8;
    }
    for (size_t i = 0; i < n; i++)
        t |= (uint64_t)p[i] << (8 * i);
    b |= t;
    v3 ^= b;
    KR_SIP_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    KR_SIP_ROUND(v0, v1, v2, v3);
    KR_SIP_ROUND(v0, v1, v2, v3);
    KR_SIP_ROUND(v0, v1, v2, v3);
    return v0 ^ v1 ^ v2 ^ v3;
}

Py_hash_t kr_siphash13(const void *src, Py_ssize_t len)
{
    return (Py_hash_t)kr_siphash13_keyed(kr_secret.k0, kr_secret.k1, src, len);
}

Py_hash_t _Py_HashBytes(const void *src, Py_ssize_t len)
{
    Py_hash_t x;
    if (len == 0)
        return 0;
    x = kr_siphash13(src, len);
    return x == -1 ? -2 : x;
}

static PyHash_FuncDef kr_hash_funcdef = { kr_siphash13, "siphash13", 64, 128 };

PyHash_FuncDef *PyHash_GetFuncDef(void)
{
    return &kr_hash_funcdef;
}

/* CPython's derivation of the secret from an integer seed. */
static void kr_hash_lcg(uint32_t seed, unsigned char *buf, size_t n)
{
    uint32_t x = seed;
    for (size_t i = 0; i < n; i++) {
        x = x * 214013u + 2531011u;
        buf[i] = (unsigned char)((x >> 16) & 0xff);
    }
}

int kr_hash_init(void)
{
    unsigned char key[24];
    const char *env;

    if (kr_secret.ready)
        return 0;
    memset(key, 0, sizeof key);
    env = getenv("PYTHONHASHSEED");
    if (env != NULL && *env != '\0' && strcmp(env, "random") != 0) {
        char *end;
        unsigned long seed;
        errno = 0;
        seed = strtoul(env, &end, 10);
        if (*end != '\0' || errno != 0 || seed > 4294967295UL || env[0] == '-' || env[0] == '+') {
            fprintf(stderr, "Fatal Python error: PYTHONHASHSEED must be \"random\" or an "
                            "integer in range [0; 4294967295]\n");
            return -1;
        }
        if (seed != 0)
            kr_hash_lcg((uint32_t)seed, key, sizeof key);
    }
    else {
        size_t got = 0;
        while (got < sizeof key) {
            ssize_t r = getrandom(key + got, sizeof key - got, 0);
            if (r < 0) {
                if (errno == EINTR)
                    continue;
                return -1;
            }
            got += (size_t)r;
        }
    }
    memcpy(&kr_secret.k0, key, 8);
    memcpy(&kr_secret.k1, key + 8, 8);
    kr_secret.ready = 1;
    return 0;
}
