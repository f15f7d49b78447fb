/* pymath.h: mathematical constants and floating-point helpers of the C API.
 * Py_IS_NAN, Py_IS_INFINITY, Py_IS_FINITE, Py_HUGE_VAL and Py_NAN live in
 * pyport.h.  (owned by the numbers area) */
#ifndef PY_PYMATH_H
#define PY_PYMATH_H
#ifdef __cplusplus
extern "C" {
#endif

#define Py_MATH_PIl 3.1415926535897932384626433832795029L
#define Py_MATH_PI 3.14159265358979323846
#define Py_MATH_El 2.7182818284590452353602874713526625L
#define Py_MATH_E 2.7182818284590452354
#define Py_MATH_TAU 6.2831853071795864769252867665590057683943L

#ifndef Py_LIMITED_API
/* After a libm call: turn a spurious ERANGE on underflow into no error,
 * and set ERANGE when the result overflowed to infinity. */
#define Py_OVERFLOWED(X) ((X) != 0.0 && (errno == ERANGE || (X) == Py_HUGE_VAL || (X) == -Py_HUGE_VAL))
#define Py_ADJUST_ERANGE1(X) \
    do { \
        if (errno == 0) { \
            if ((X) == Py_HUGE_VAL || (X) == -Py_HUGE_VAL) errno = ERANGE; \
        } \
        else if (errno == ERANGE && (X) == 0.0) errno = 0; \
    } while (0)
#define Py_ADJUST_ERANGE2(X, Y) \
    do { \
        if ((X) == Py_HUGE_VAL || (X) == -Py_HUGE_VAL || \
            (Y) == Py_HUGE_VAL || (Y) == -Py_HUGE_VAL) { \
            if (errno == 0) errno = ERANGE; \
        } \
        else if (errno == ERANGE) errno = 0; \
    } while (0)
#endif


#ifdef __cplusplus
}
#endif
#endif
