/* math_special.c: math.gamma and math.lgamma.
 *
 * CPython computes these itself rather than with libm, with a Lanczos
 * approximation (13 terms, g = 6.024680040776729583740234375) in rational
 * form num(x)/den(x), den(x) = x(x+1)...(x+11).  Krait evaluates the same
 * approximation in the same order of operations so that every result is
 * bit-identical.  The numerator coefficients below were derived for this
 * file with Godfrey's matrix method at 80 digits and rounded to double;
 * the denominator's are the integer coefficients of the rising factorial.
 *
 * Both functions report errors through errno (EDOM for poles and -inf,
 * ERANGE for overflow), which mathmodule.c turns into exceptions. */
#include "internal.h"
#include "modules/math_internal.h"
#include <errno.h>
#include <math.h>

#define KR_LANCZOS_N 13
#define KR_LANCZOS_G 6.024680040776729583740234375
#define KR_LANCZOS_G_MINUS_HALF 5.524680040776729583740234375
#define KR_PI 3.141592653589793238462643383279502884
#define KR_LOG_PI 1.144729885849400174143427351353058711647

static const double kr_lanczos_num[KR_LANCZOS_N] = {
    23531376880.41076, 42919803642.6491, 35711959237.35567, 17921034426.03721,
    6039542586.352028, 1439720407.3117216, 248874557.86205417, 31426415.585400194,
    2876370.6289353725, 186056.26539522348, 8071.672002365816, 210.82427775157936,
    2.5066282746310002,
};

static const double kr_lanczos_den[KR_LANCZOS_N] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
    2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
};

/* num(x)/den(x) for x > 0: Horner in x below 5, in 1/x above, which
 * keeps both polynomials from overflowing. */
static double kr_lanczos_sum(double x)
{
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = KR_LANCZOS_N; --i >= 0;) {
            num = num * x + kr_lanczos_num[i];
            den = den * x + kr_lanczos_den[i];
        }
    }
    else {
        for (int i = 0; i < KR_LANCZOS_N; i++) {
            num = num / x + kr_lanczos_num[i];
            den = den / x + kr_lanczos_den[i];
        }
    }
    return num / den;
}

/* sin(pi * x), reduced first so that sin(pi * n) is exactly zero. */
static double kr_sinpi(double x)
{
    double y = fmod(fabs(x), 2.0);
    double r;
    switch ((int)round(2.0 * y)) {
    case 0: r = sin(KR_PI * y); break;
    case 1: r = cos(KR_PI * (y - 0.5)); break;
    case 2: r = sin(KR_PI * (1.0 - y)); break;
    case 3: r = -cos(KR_PI * (y - 1.5)); break;
    default: r = sin(KR_PI * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

double kr_math_tgamma(double x)
{
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0)
            return x;
        errno = EDOM;
        return NAN;
    }
    if (x == 0.0) {
        errno = EDOM;
        return copysign(HUGE_VAL, x);
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            errno = EDOM;
            return NAN;
        }
        /* Exact factorials: (x-1)! is representable up to x = 23. */
        if (x <= 23.0) {
            double r = 1.0;
            for (double k = 2.0; k < x; k += 1.0)
                r *= k;
            return r;
        }
    }
    double absx = fabs(x);
    if (absx < 1e-20) {
        double r = 1.0 / x;
        if (isinf(r))
            errno = ERANGE;
        return r;
    }
    if (absx > 200.0) {
        if (x < 0.0)
            return 0.0 / kr_sinpi(x);
        errno = ERANGE;
        return HUGE_VAL;
    }
    double y = absx + KR_LANCZOS_G_MINUS_HALF;
    double q, z;
    /* z is the rounding error of y, computed exactly. */
    if (absx > KR_LANCZOS_G_MINUS_HALF) {
        q = y - absx;
        z = q - KR_LANCZOS_G_MINUS_HALF;
    }
    else {
        q = y - KR_LANCZOS_G_MINUS_HALF;
        z = q - absx;
    }
    z = z * KR_LANCZOS_G / y;
    double r;
    if (x < 0.0) {
        r = -KR_PI / kr_sinpi(absx) / absx * exp(y) / kr_lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0)
            r /= pow(y, absx - 0.5);
        else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    }
    else {
        r = kr_lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0)
            r *= pow(y, absx - 0.5);
        else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (isinf(r))
        errno = ERANGE;
    return r;
}

double kr_math_lgamma(double x)
{
    if (!isfinite(x)) {
        if (isnan(x))
            return x;
        return HUGE_VAL;
    }
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            errno = EDOM;
            return HUGE_VAL;
        }
        return 0.0;
    }
    double absx = fabs(x);
    if (absx < 1e-20)
        return -log(absx);
    double r = log(kr_lanczos_sum(absx)) - KR_LANCZOS_G;
    r += (absx - 0.5) * (log(absx + KR_LANCZOS_G - 0.5) - 1);
    if (x < 0.0)
        r = KR_LOG_PI - log(fabs(kr_sinpi(absx))) - log(absx) - r;
    if (isinf(r))
        errno = ERANGE;
    return r;
}
