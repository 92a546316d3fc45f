package io.sparktune.search;

import org.hipparchus.special.Erf;

/**
 * log EI computed so that it stays finite and ordered far from the incumbent, where plain EI
 * underflows to 0 and every candidate looks alike (Ament et al. 2023, "Unexpected Improvements to
 * Expected Improvement for Bayesian Optimization", the log_h function).
 */
final class LogExpectedImprovement {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double HALF_LOG_PI_OVER_2 = 0.5 * Math.log(Math.PI / 2);
    private static final double SQRT2 = Math.sqrt(2);
    /** Beyond this z, exp(z^2/2) erfc overflows; the asymptotic series is exact to double precision. */
    private static final double ASYMPTOTIC_Z = -35;

    private LogExpectedImprovement() {
    }

    /** log EI for minimising, at a point whose posterior has this mean and standard deviation. */
    static double of(double mean, double sd, double best) {
        return Math.log(sd) + logH((best - mean) / sd);
    }

    /** log(phi(z) + z Phi(z)), with phi and Phi the standard normal density and distribution. */
    static double logH(double z) {
        if (z > -1) {
            return Math.log(density(z) + z * 0.5 * Erf.erfc(-z / SQRT2));
        }
        double logDensity = -0.5 * z * z - HALF_LOG_2PI;
        if (z < ASYMPTOTIC_Z) {
            // phi(z)/z^2 (1 - 3/z^2 + 15/z^4 ...) for large negative z.
            double inverse2 = 1 / (z * z);
            return logDensity + Math.log(inverse2) + Math.log1p(-3 * inverse2 + 15 * inverse2 * inverse2);
        }
        double x = -z / SQRT2;
        double erfcx = Math.exp(x * x) * Erf.erfc(x);
        return logDensity + log1mexp(Math.log(erfcx * -z) + HALF_LOG_PI_OVER_2);
    }

    private static double density(double z) {
        return Math.exp(-0.5 * z * z - HALF_LOG_2PI);
    }

    /** log(1 - exp(x)) for x < 0, accurate near 0 and far from it (Mächler 2012). */
    private static double log1mexp(double x) {
        return x > -Math.log(2) ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
    }
}
