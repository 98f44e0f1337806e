package dev.junction.engine.anomalies;

import dev.junction.engine.anomalies.GeneratedYear.Injected;
import dev.junction.engine.anomalies.GeneratedYear.Kind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Precision and recall of the detector on a generated year. The detector is asked at every hour of the year, as if
 * that hour had just begun; consecutive hours flagging the same workflow, metric and direction make one episode (one
 * alert, as the alert lifecycle dedups them). An episode is right when its windows overlap an injected anomaly of the
 * same workflow whose metric and direction it names; an injected anomaly is found when a right episode overlaps it.
 * Precision is counted per kind of flag (a spike on the refunds workflow is a refund burst), recall per kind of
 * injected anomaly.
 */
final class AnomalyEvaluation {

    /** Counts for one kind: anomalies injected and found, episodes flagged and right, hours from start to flag. */
    static final class Tally {
        int injected;
        int found;
        int episodes;
        int right;
        final List<Integer> delays = new ArrayList<>();

        double recall() {
            return injected == 0 ? Double.NaN : (double) found / injected;
        }

        double precision() {
            return episodes == 0 ? Double.NaN : (double) right / episodes;
        }

        double medianDelay() {
            if (delays.isEmpty()) {
                return Double.NaN;
            }
            List<Integer> sorted = delays.stream().sorted().toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    record Result(Map<Kind, Tally> byKind, Tally overall) {

        double f1() {
            double p = overall.precision();
            double r = overall.recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        String table() {
            StringBuilder table = new StringBuilder(
                    "| kind | injected | found | recall | flagged episodes | right | precision | median hours to flag |\n"
                            + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            Map<Kind, Tally> rows = new LinkedHashMap<>(byKind);
            rows.forEach((kind, tally) -> table.append(row(kind.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    tally)));
            table.append(row("**overall**", overall));
            return table.toString();
        }

        private static String row(String name, Tally tally) {
            return String.format(Locale.ENGLISH, "| %s | %d | %d | %s | %d | %d | %s | %s |%n", name, tally.injected,
                    tally.found, share(tally.recall()), tally.episodes, tally.right, share(tally.precision()),
                    Double.isNaN(tally.medianDelay()) ? "–" : String.valueOf((int) tally.medianDelay()));
        }

        private static String share(double value) {
            return Double.isNaN(value) ? "–" : String.format(Locale.ENGLISH, "%.2f", value);
        }
    }

    private record Episode(AnomalyMetric metric, AnomalyDirection direction, Kind kind, int firstEnd, int from,
                           int to) {
    }

    private AnomalyEvaluation() {
    }

    static Result evaluate(GeneratedYear year, AnomalySettings settings) {
        AnomalyDetector detector = new AnomalyDetector(settings);
        Map<Kind, Tally> byKind = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            byKind.put(kind, new Tally());
        }
        Tally overall = new Tally();
        for (int workflow = 0; workflow < year.series.size(); workflow++) {
            GeneratedYear.Series series = year.series.get(workflow);
            int index = workflow;
            List<Episode> episodes = episodes(detector, series, workflow);
            List<Injected> injected = year.injected.stream().filter(a -> a.workflow() == index).toList();
            for (Episode episode : episodes) {
                boolean right = injected.stream().anyMatch(anomaly -> matches(episode, anomaly)
                        || explainedBy(episode, anomaly));
                Tally tally = byKind.get(episode.kind());
                tally.episodes++;
                overall.episodes++;
                if (right) {
                    tally.right++;
                    overall.right++;
                } else if (Boolean.getBoolean("anomalies.verbose")) {
                    System.out.println("wrong " + series.name + " " + episode + " day " + episode.from() / 24
                            + " weekday " + (episode.from() / 24) % 7 + " clock " + episode.from() % 24
                            + (year.holiday[Math.min(364, episode.from() / 24)] ? " HOLIDAY" : ""));
                }
            }
            for (Injected anomaly : injected) {
                Tally tally = byKind.get(anomaly.kind());
                tally.injected++;
                overall.injected++;
                if (Boolean.getBoolean("anomalies.verbose") && episodes.stream().noneMatch(episode -> matches(episode,
                        anomaly))) {
                    System.out.println("missed " + series.name + " " + anomaly + " day " + anomaly.start() / 24
                            + " clock " + anomaly.start() % 24 + " runs " + java.util.Arrays.toString(
                            java.util.Arrays.copyOfRange(series.runs, anomaly.start(), anomaly.end())));
                }
                episodes.stream().filter(episode -> matches(episode, anomaly)).findFirst().ifPresent(episode -> {
                    tally.found++;
                    overall.found++;
                    int delay = Math.max(0, episode.firstEnd() - anomaly.start());
                    tally.delays.add(delay);
                    overall.delays.add(delay);
                });
            }
        }
        return new Result(byKind, overall);
    }

    private static List<Episode> episodes(AnomalyDetector detector, GeneratedYear.Series series, int workflow) {
        record Key(AnomalyMetric metric, AnomalyDirection direction) {
        }
        Map<Key, int[]> open = new LinkedHashMap<>();
        Map<Key, Kind> openKind = new LinkedHashMap<>();
        List<Episode> episodes = new ArrayList<>();
        for (int end = 1; end <= series.hours(); end++) {
            List<AnomalyFlag> flags = detector.detectAt(series.name, series, end, EnumSet.allOf(AnomalyMetric.class));
            for (AnomalyFlag flag : flags) {
                Key key = new Key(flag.metric(), flag.direction());
                int from = end - flag.windowHours();
                int[] episode = open.get(key);
                if (episode != null && episode[1] == end - 1) {
                    episode[1] = end;
                    episode[2] = Math.min(episode[2], from);
                } else {
                    if (episode != null) {
                        episodes.add(close(key.metric(), key.direction(), openKind.get(key), episode));
                    }
                    open.put(key, new int[]{end, end, from});
                    openKind.put(key, kindOf(flag, workflow));
                }
            }
        }
        open.forEach((key, episode) -> episodes.add(close(key.metric(), key.direction(), openKind.get(key), episode)));
        return episodes;
    }

    private static Episode close(AnomalyMetric metric, AnomalyDirection direction, Kind kind, int[] episode) {
        return new Episode(metric, direction, kind, episode[0], episode[2], episode[1]);
    }

    private static Kind kindOf(AnomalyFlag flag, int workflow) {
        return switch (flag.metric()) {
            case FAILURE_RATE -> Kind.FAILURE_SPIKE;
            case P95_DURATION -> Kind.SLOWDOWN;
            case ORDER_VALUE -> Kind.VALUE_DROP;
            case REFUND_SHARE -> Kind.REFUND_SHARE;
            case SETTLEMENT_FEES -> Kind.FEE_DRIFT;
            case VOLUME -> switch (flag.kind()) {
                case DROP -> Kind.DROP;
                case DRIFT -> Kind.DRIFT;
                case SPIKE -> workflow == GeneratedYear.REFUNDS ? Kind.REFUND_BURST : Kind.SPIKE;
            };
        };
    }

    private static boolean matches(Episode episode, Injected anomaly) {
        boolean sameSignal = switch (anomaly.kind()) {
            case DROP -> episode.metric() == AnomalyMetric.VOLUME && episode.direction() == AnomalyDirection.LOW;
            case SPIKE, REFUND_BURST -> episode.metric() == AnomalyMetric.VOLUME
                    && episode.direction() == AnomalyDirection.HIGH;
            case FAILURE_SPIKE -> episode.metric() == AnomalyMetric.FAILURE_RATE;
            case SLOWDOWN -> episode.metric() == AnomalyMetric.P95_DURATION;
            case DRIFT -> episode.metric() == AnomalyMetric.VOLUME
                    && episode.direction() == (anomaly.low() ? AnomalyDirection.LOW : AnomalyDirection.HIGH);
            case VALUE_DROP -> episode.metric() == AnomalyMetric.ORDER_VALUE
                    && episode.direction() == AnomalyDirection.LOW;
            case REFUND_SHARE -> episode.metric() == AnomalyMetric.REFUND_SHARE;
            case FEE_DRIFT -> episode.metric() == AnomalyMetric.SETTLEMENT_FEES
                    && episode.direction() == (anomaly.low() ? AnomalyDirection.LOW : AnomalyDirection.HIGH);
        };
        return sameSignal && episode.from() < anomaly.end() && anomaly.start() < episode.to();
    }

    /**
     * An order value that falls or rises with the runs (over an injected drop, spike or drift of volume) is a right
     * flag too — the value did change — but does not count as finding that volume anomaly.
     */
    private static boolean explainedBy(Episode episode, Injected anomaly) {
        boolean volumeExplains = episode.metric() == AnomalyMetric.ORDER_VALUE && switch (anomaly.kind()) {
            case DROP -> episode.direction() == AnomalyDirection.LOW;
            case SPIKE -> episode.direction() == AnomalyDirection.HIGH;
            case DRIFT -> episode.direction() == (anomaly.low() ? AnomalyDirection.LOW : AnomalyDirection.HIGH);
            default -> false;
        };
        return volumeExplains && episode.from() < anomaly.end() && anomaly.start() < episode.to();
    }

    /**
     * Tunes on seed 1 (a grid over k, min hours, the chance tail, the noise floor and the baseline weeks; the best F1
     * wins; {@code wide}: the first, wider grid, else the grid around its best), then measures the defaults on seed 1 and on the held-out seed 2. Its output is in docs/anomalies.md.
     */
    public static void main(String[] args) {
        GeneratedYear tuning = new GeneratedYear(1);
        if (args.length > 0 && args[0].equals("measure")) {
            System.out.println("Defaults " + AnomalySettings.DEFAULTS + " on seed 1 (tuning):\n"
                    + evaluate(tuning, AnomalySettings.DEFAULTS).table());
            System.out.println("Defaults on seed 2 (held out):\n"
                    + evaluate(new GeneratedYear(2), AnomalySettings.DEFAULTS).table());
            return;
        }
        System.out.println("| k | min hours | tail | noise floor | weeks | precision | recall | F1 |\n"
                + "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        AnomalySettings best = null;
        double bestF1 = -1;
        boolean wide = args.length > 0 && args[0].equals("wide");
        for (double k : wide ? new double[]{3, 4, 5} : new double[]{4, 5, 6}) {
            for (int minHours : new int[]{2, 3}) {
                for (double tail : wide ? new double[]{1e-4, 1e-5} : new double[]{1e-5, 1e-6}) {
                    for (double floor : wide ? new double[]{0.15, 0.25, 0.35} : new double[]{0.25, 0.35}) {
                        for (int weeks : wide ? new int[]{6, 8} : new int[]{8}) {
                            AnomalySettings settings = AnomalySettings.DEFAULTS.withK(k).withMinHours(minHours)
                                    .withTail(tail).withNoiseFloor(floor).withBaselineWeeks(weeks);
                            Result result = evaluate(tuning, settings);
                            System.out.printf(Locale.ENGLISH, "| %.1f | %d | %.0e | %.2f | %d | %.3f | %.3f | %.3f |%n",
                                    k, minHours, tail, floor, weeks, result.overall().precision(),
                                    result.overall().recall(), result.f1());
                            if (result.f1() > bestF1) {
                                bestF1 = result.f1();
                                best = settings;
                            }
                        }
                    }
                }
            }
        }
        System.out.println("\nBest on seed 1: " + best + " F1 " + bestF1);
        System.out.println("\nDefaults " + AnomalySettings.DEFAULTS + " on seed 1 (tuning):\n"
                + evaluate(tuning, AnomalySettings.DEFAULTS).table());
        System.out.println("Defaults on seed 2 (held out):\n" + evaluate(new GeneratedYear(2), AnomalySettings.DEFAULTS)
                .table());
    }
}
