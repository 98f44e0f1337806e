package dev.junction.engine.anomalies;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated year of hourly run counts, failures and durations for five workflows of different shapes (a daytime
 * poller with growth, a low-volume refunds flow, a flat schedule, a weekday office-hours export, a high-volume
 * webhook with strong growth), with daily and weekly seasonality, over-dispersed noise (gamma-Poisson), trends and
 * holidays (30 % of the usual volume, not anomalies), and injected anomalies at known places: drops (outages or
 * falls to 20 %), volume spikes, failure-rate spikes, slowdowns, drifts (×0.55 or ×1.6 for 3–7 days) and refund
 * bursts. The same seed gives the same year.
 */
final class GeneratedYear {

    static final int HOURS = 365 * 24;
    /** A Monday. */
    static final Instant START = Instant.parse("2025-01-06T00:00:00Z");
    static final int BUCKETS = 64;
    private static final int FIRST_ANOMALY_HOUR = 6 * 168;

    enum Kind { DROP, SPIKE, FAILURE_SPIKE, SLOWDOWN, DRIFT, REFUND_BURST, VALUE_DROP, REFUND_SHARE, FEE_DRIFT }

    /** One injected anomaly: hours [start, end) of workflow {@code workflow}; {@code low} for falls. */
    record Injected(int workflow, Kind kind, int start, int end, boolean low) {
    }

    /** A workflow's shape: runs per hour at the daily peak and at night, weekend factor, growth per year… */
    record Profile(String name, double peak, double night, double weekend, boolean officeHours, boolean scheduled,
                   double growth, double noise, double failureRate, double medianMs) {
    }

    static final List<Profile> PROFILES = List.of(
            new Profile("orders polled", 40, 3, 0.6, false, false, 0.25, 0.12, 0.02, 900),
            new Profile("refunds issued", 3, 0.2, 0.7, false, false, 0.0, 0.2, 0.01, 400),
            new Profile("settlement sync", 12, 12, 1, false, true, 0, 0, 0.03, 2000),
            new Profile("invoice export", 10, 0.3, 0, true, false, 0.1, 0.15, 0.02, 1500),
            new Profile("webhook intake", 300, 40, 0.8, false, false, 0.6, 0.08, 0.005, 250));
    static final int REFUNDS = 1;
    /** The workflows with business amounts: orders polled records sales, webhook intake sales and refunds (payment
     * notifications), settlement sync the settled amount and fees of each settlement. */
    static final int ORDERS = 0;
    static final int SETTLEMENTS = 2;
    static final int PAYMENTS = 4;
    /** The usual refund probability of a payment notification, and the usual fee share of a settlement. */
    static final double REFUND_PROBABILITY = 0.03;
    static final double FEE_SHARE = 0.024;

    final List<Series> series = new ArrayList<>();
    final List<Injected> injected = new ArrayList<>();
    final boolean[] holiday = new boolean[365];

    /** One workflow's year, readable by the detector. */
    static final class Series extends CountedHistory {
        final String name;
        /** Whether the detector may count slow runs (false: as before the slow-run test, for comparison). */
        boolean slowRunCounts = !Boolean.getBoolean("anomalies.p95Only");
        /** Cumulative duration histograms: {@code cumulative[h][b]} counts bucket b over hours [0, h). */
        final int[][] cumulative = new int[HOURS + 1][BUCKETS];

        Series(String name) {
            super(START, HOURS);
            this.name = name;
        }

        @Override
        public double p95DurationMs(int from, int to) {
            long total = 0;
            for (int b = 0; b < BUCKETS; b++) {
                total += cumulative[to][b] - cumulative[from][b];
            }
            if (total == 0) {
                return Double.NaN;
            }
            long rank = (long) Math.ceil(0.95 * total);
            long seen = 0;
            for (int b = 0; b < BUCKETS; b++) {
                seen += cumulative[to][b] - cumulative[from][b];
                if (seen >= rank) {
                    return Math.pow(2, (b + 0.5) / 4.0) - 1;
                }
            }
            return Math.pow(2, BUCKETS / 4.0);
        }

        @Override
        public long runsLongerThan(int from, int to, double millis) {
            if (!slowRunCounts) {
                return -1;
            }
            int above = (int) Math.floor(4 * Math.log1p(millis) / Math.log(2)) + 1;
            long count = 0;
            for (int b = Math.max(0, above); b < BUCKETS; b++) {
                count += cumulative[to][b] - cumulative[from][b];
            }
            return count;
        }
    }

    GeneratedYear(long seed) {
        Random random = new Random(seed);
        for (int holidayDay : new int[]{0, 95, 98, 116, 137, 235, 353, 354, 360}) {
            holiday[holidayDay] = true;
        }
        for (int w = 0; w < PROFILES.size(); w++) {
            inject(random, w);
        }
        for (int w = 0; w < PROFILES.size(); w++) {
            series.add(generate(random, w));
        }
        // the amounts come from a second generator, so that the counts, failures and durations (and the figures
        // measured on them before amounts existed) stay what they were
        Random amounts = new Random(seed * 1_000_003 + 17);
        for (int w : new int[]{ORDERS, PAYMENTS, SETTLEMENTS}) {
            injectAmounts(amounts, w);
        }
        for (int w : new int[]{ORDERS, PAYMENTS, SETTLEMENTS}) {
            generateAmounts(amounts, w);
        }
    }

    private void injectAmounts(Random random, int workflow) {
        Kind kind = switch (workflow) {
            case ORDERS -> Kind.VALUE_DROP;
            case PAYMENTS -> Kind.REFUND_SHARE;
            default -> Kind.FEE_DRIFT;
        };
        int hour = FIRST_ANOMALY_HOUR + random.nextInt(168);
        while (true) {
            int length = switch (kind) {
                case VALUE_DROP -> 2 + random.nextInt(7);
                case REFUND_SHARE -> 2 + random.nextInt(5);
                default -> 24 * (3 + random.nextInt(5));
            };
            if (hour + length >= HOURS) {
                return;
            }
            injected.add(new Injected(workflow, kind, hour, hour + length, kind != Kind.REFUND_SHARE
                    && random.nextBoolean()));
            hour += length + 10 * 24 + random.nextInt(14 * 24);
        }
    }

    /**
     * Each run's amount: a sale of a log-normal value (median £38, σ 0.6) for orders; for payments a refund with
     * probability {@link #REFUND_PROBABILITY}, else a sale; for settlements a settled amount (median £800) and its
     * fee ({@link #FEE_SHARE} ± 0.2 points). Injected: value drops (the values fall to nothing — an amount no longer
     * mapped — or to a quarter: a price feed in the wrong unit), refund-share bursts (20–30 % of payments are
     * refunds), fee drifts (the fee share × 1.4 or × 0.7 for 3–7 days).
     */
    private void generateAmounts(Random random, int workflow) {
        Series series = this.series.get(workflow);
        series.currency = "GBP";
        List<Injected> mine = injected.stream().filter(anomaly -> anomaly.workflow() == workflow
                && anomaly.kind().ordinal() >= Kind.VALUE_DROP.ordinal()).toList();
        for (int hour = 0; hour < HOURS; hour++) {
            double valueFactor = 1;
            double refundProbability = REFUND_PROBABILITY;
            double feeShare = FEE_SHARE;
            for (Injected anomaly : mine) {
                if (hour >= anomaly.start() && hour < anomaly.end()) {
                    switch (anomaly.kind()) {
                        case VALUE_DROP -> valueFactor = anomaly.low() ? 0 : 0.25;
                        case REFUND_SHARE -> refundProbability = 0.2 + 0.05 * (anomaly.start() % 3);
                        case FEE_DRIFT -> feeShare = FEE_SHARE * (anomaly.low() ? 0.7 : 1.4);
                        default -> {
                        }
                    }
                }
            }
            for (long run = 0; run < series.runs[hour]; run++) {
                if (workflow == SETTLEMENTS) {
                    double settled = 800 * Math.exp(0.4 * random.nextGaussian());
                    series.settled[hour] += settled;
                    series.fees[hour] += settled * Math.max(0, feeShare + 0.002 * random.nextGaussian());
                    continue;
                }
                double value = 38 * Math.exp(0.6 * random.nextGaussian());
                if (workflow == PAYMENTS && random.nextDouble() < refundProbability) {
                    series.refunds[hour]++;
                    series.refundAmount[hour] += value;
                } else {
                    series.sales[hour]++;
                    series.saleAmount[hour] += value * valueFactor;
                }
            }
        }
    }

    private void inject(Random random, int workflow) {
        Profile profile = PROFILES.get(workflow);
        int hour = FIRST_ANOMALY_HOUR + random.nextInt(168);
        while (true) {
            Kind kind;
            if (workflow == REFUNDS) {
                kind = random.nextInt(3) == 0 ? Kind.DROP : Kind.REFUND_BURST;
            } else {
                List<Kind> kinds = profile.scheduled()
                        ? List.of(Kind.DROP, Kind.FAILURE_SPIKE, Kind.SLOWDOWN)
                        : List.of(Kind.DROP, Kind.SPIKE, Kind.FAILURE_SPIKE, Kind.SLOWDOWN, Kind.DRIFT);
                kind = kinds.get(random.nextInt(kinds.size()));
            }
            int length = switch (kind) {
                case DROP -> 2 + random.nextInt(7);
                case SPIKE -> 1 + random.nextInt(3);
                case FAILURE_SPIKE, SLOWDOWN, REFUND_BURST -> 2 + random.nextInt(5);
                case DRIFT -> 24 * (3 + random.nextInt(5));
                default -> throw new IllegalStateException("amount anomalies are injected by injectAmounts");
            };
            if (hour + length >= HOURS) {
                return;
            }
            // office-hours workflows are only disturbed while they work (a drop at night is no event)
            if (profile.officeHours()) {
                int clock = hour % 24;
                int day = (hour / 24) % 7;
                if (day >= 5 || clock < 8 || clock > 15) {
                    hour += 1 + random.nextInt(24);
                    continue;
                }
            }
            boolean low = kind == Kind.DROP || (kind == Kind.DRIFT && random.nextBoolean());
            injected.add(new Injected(workflow, kind, hour, hour + length, low));
            hour += length + 10 * 24 + random.nextInt(14 * 24);
        }
    }

    private Series generate(Random random, int workflow) {
        Profile profile = PROFILES.get(workflow);
        Series series = new Series(profile.name());
        List<Injected> mine = injected.stream().filter(anomaly -> anomaly.workflow() == workflow).toList();
        double[] dropFactor = new double[mine.size()];
        for (int i = 0; i < mine.size(); i++) {
            dropFactor[i] = random.nextBoolean() ? 0 : 0.2;
        }
        for (int hour = 0; hour < HOURS; hour++) {
            int day = hour / 24;
            int clock = hour % 24;
            int weekday = day % 7;
            double rate = rate(profile, clock, weekday) * (1 + profile.growth() * hour / HOURS);
            if (holiday[day] && !profile.scheduled()) {
                rate *= 0.3;
            }
            double failureRate = profile.failureRate();
            double slowdown = 1;
            for (int i = 0; i < mine.size(); i++) {
                Injected anomaly = mine.get(i);
                if (hour < anomaly.start() || hour >= anomaly.end()) {
                    continue;
                }
                switch (anomaly.kind()) {
                    case DROP -> rate *= dropFactor[i];
                    case SPIKE -> rate *= 3 + (anomaly.start() % 3);
                    case REFUND_BURST -> rate = Math.max(rate, 1) * (4 + (anomaly.start() % 3));
                    case FAILURE_SPIKE -> failureRate = 0.25 + 0.05 * (anomaly.start() % 3);
                    case SLOWDOWN -> slowdown = 3 + (anomaly.start() % 3);
                    case DRIFT -> rate *= anomaly.low() ? 0.55 : 1.6;
                }
            }
            long runs = profile.scheduled() ? Math.round(rate) : poisson(random, rate * gammaNoise(random,
                    profile.noise()));
            long failures = 0;
            int[] histogram = series.cumulative[hour + 1];
            System.arraycopy(series.cumulative[hour], 0, histogram, 0, BUCKETS);
            for (long run = 0; run < runs; run++) {
                if (random.nextDouble() < failureRate) {
                    failures++;
                }
                double millis = profile.medianMs() * slowdown * Math.exp(0.5 * random.nextGaussian());
                int bucket = (int) Math.min(BUCKETS - 1, Math.floor(4 * Math.log1p(millis) / Math.log(2)));
                histogram[bucket]++;
            }
            series.runs[hour] = runs;
            series.failed[hour] = failures;
        }
        return series;
    }

    private static double rate(Profile profile, int clock, int weekday) {
        boolean weekend = weekday >= 5;
        if (profile.officeHours()) {
            return !weekend && clock >= 8 && clock < 18 ? profile.peak() : profile.night();
        }
        double daytime = clock >= 6 && clock < 22 ? Math.pow(Math.sin(Math.PI * (clock - 6) / 16.0), 1.5) : 0;
        double rate = profile.night() + (profile.peak() - profile.night()) * daytime;
        return weekend ? rate * profile.weekend() : rate;
    }

    /** A gamma variate of mean 1 and standard deviation {@code sd} (Marsaglia–Tsang); 1 when sd is 0. */
    private static double gammaNoise(Random random, double sd) {
        if (sd == 0) {
            return 1;
        }
        double shape = 1 / (sd * sd);
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(random.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v / shape;
            }
        }
    }

    private static long poisson(Random random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
