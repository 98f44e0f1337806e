package dev.junction.engine.anomalies;

/**
 * How likely chance alone gives a count this far out: Poisson tails for run counts, the binomial upper tail for
 * failures among runs. Summed term by term from the observed count outwards (terms shrink geometrically there), so a
 * tail costs a few dozen terms whatever the volume. Only small tails matter; a count on the near side of the mean
 * answers 1.
 */
final class ChanceTails {

    private static final double NEGLIGIBLE = 1e-15;
    private static final int MAX_TERMS = 100_000;

    private ChanceTails() {
    }

    /** P(X ≤ {@code count}) for X ~ Poisson({@code mean}). */
    static double poissonAtMost(long count, double mean) {
        if (count >= mean) {
            return 1;
        }
        double sum = 0;
        for (long j = count; j >= 0 && count - j < MAX_TERMS; j--) {
            double term = Math.exp(j * Math.log(mean) - mean - logFactorial(j));
            sum += term;
            if (term < sum * NEGLIGIBLE) {
                break;
            }
        }
        return Math.min(1, sum);
    }

    /** P(X ≥ {@code count}) for X ~ Poisson({@code mean}). */
    static double poissonAtLeast(long count, double mean) {
        if (count <= mean) {
            return 1;
        }
        double sum = 0;
        for (long j = count; j - count < MAX_TERMS; j++) {
            double term = Math.exp(j * Math.log(mean) - mean - logFactorial(j));
            sum += term;
            if (term < sum * NEGLIGIBLE) {
                break;
            }
        }
        return Math.min(1, sum);
    }

    /** P(X ≥ {@code count}) for X ~ Binomial({@code trials}, {@code p}), 0 < p < 1. */
    static double binomialAtLeast(long count, long trials, double p) {
        if (count <= trials * p) {
            return 1;
        }
        double sum = 0;
        double logChoiceBase = logFactorial(trials);
        for (long j = count; j <= trials && j - count < MAX_TERMS; j++) {
            double term = Math.exp(logChoiceBase - logFactorial(j) - logFactorial(trials - j) + j * Math.log(p)
                    + (trials - j) * Math.log1p(-p));
            sum += term;
            if (term < sum * NEGLIGIBLE) {
                break;
            }
        }
        return Math.min(1, sum);
    }

    /** ln(n!) (Lanczos' approximation of ln Γ(n + 1); exact enough for tails). */
    static double logFactorial(long n) {
        if (n < 2) {
            return 0;
        }
        double x = n + 1.0;
        double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
        x -= 1;
        double a = g[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += g[i] / (x + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
