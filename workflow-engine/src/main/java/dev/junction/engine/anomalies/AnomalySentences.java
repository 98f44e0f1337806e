package dev.junction.engine.anomalies;

import java.util.Locale;

/** Anomaly flags in words: "orders polled: 0 runs in the last 2 h, usually 35–50". */
public final class AnomalySentences {

    private AnomalySentences() {
    }

    public static String of(String label, AnomalyMetric metric, AnomalyKind kind, AnomalyDirection direction,
                            int hours, double observed, double usualLow, double usualHigh) {
        return of(label, metric, kind, direction, hours, observed, usualLow, usualHigh, null);
    }

    /**
     * The sentence of a flag; {@code currency} (ISO 4217) is the currency of an order value ("order value £0 in the
     * last 3 h, usually £1,200–1,900").
     */
    public static String of(String label, AnomalyMetric metric, AnomalyKind kind, AnomalyDirection direction,
                            int hours, double observed, double usualLow, double usualHigh, String currency) {
        String window = hours == 1 ? "in the last hour" : "in the last " + hours + " h";
        String what = switch (metric) {
            case VOLUME -> count(observed) + (Math.round(observed) == 1 ? " run " : " runs ") + window
                    + ", usually " + range(usualLow, usualHigh, AnomalySentences::count);
            case FAILURE_RATE -> "failure rate " + percent(observed) + " " + window + ", usually "
                    + range(usualLow, usualHigh, AnomalySentences::percent);
            case P95_DURATION -> "p95 duration " + duration(observed) + " " + window + ", usually "
                    + range(usualLow, usualHigh, AnomalySentences::duration);
            case ORDER_VALUE -> "order value " + money(observed, currency) + " " + window + ", usually "
                    + moneyRange(usualLow, usualHigh, currency);
            case REFUND_SHARE -> "refund share " + percent(observed) + " " + window + ", usually "
                    + range(usualLow, usualHigh, AnomalySentences::percent);
            case SETTLEMENT_FEES -> "settlement fees " + percent(observed) + " of the settled amount " + window
                    + ", usually " + range(usualLow, usualHigh, AnomalySentences::percent);
        };
        String shape = kind == AnomalyKind.DRIFT
                ? (direction == AnomalyDirection.LOW ? " (a sustained drop)" : " (a sustained rise)") : "";
        return label + ": " + what + shape;
    }

    /** A count of runs: whole, with thousands separators ("1,250"). */
    public static String count(double value) {
        return String.format(Locale.ENGLISH, "%,d", Math.round(value));
    }

    /** A share 0…1 as a percentage: one decimal under 10 % ("2.5 %"), whole above ("35 %") and when it is ("3 %"). */
    public static String percent(double share) {
        double percent = share * 100;
        String tenths = String.format(Locale.ENGLISH, "%.1f", percent);
        return percent < 10 && !tenths.endsWith(".0") ? tenths + " %"
                : String.format(Locale.ENGLISH, "%d %%", Math.round(percent));
    }

    /** A duration in ms in the unit people read it in: "850 ms", "1.2 s", "14 s", "4.5 min", "1.2 h". */
    public static String duration(double millis) {
        if (millis < 1000) {
            return Math.round(millis) + " ms";
        }
        if (millis < 60_000) {
            return millis < 10_000 ? String.format(Locale.ENGLISH, "%.1f s", millis / 1000)
                    : Math.round(millis / 1000) + " s";
        }
        if (millis < 3_600_000) {
            return String.format(Locale.ENGLISH, "%.1f min", millis / 60_000);
        }
        return String.format(Locale.ENGLISH, "%.1f h", millis / 3_600_000);
    }

    /**
     * An amount of {@code currency} as people read it: "£1,250", "£45.20", "€0", "CHF 1,250" (whole above 100, with
     * pence or cents below; the symbol of GBP, EUR and USD, else the code).
     */
    public static String money(double amount, String currency) {
        String number = Math.abs(amount) >= 100 || amount == Math.rint(amount)
                ? String.format(Locale.ENGLISH, "%,d", Math.round(amount))
                : String.format(Locale.ENGLISH, "%,.2f", amount);
        String code = currency == null ? "" : currency.toUpperCase(Locale.ROOT);
        return switch (code) {
            case "GBP" -> "£" + number;
            case "EUR" -> "€" + number;
            case "USD" -> "$" + number;
            case "" -> number;
            default -> code + " " + number;
        };
    }

    /** "£1,200–1,900": the currency once, before the range. */
    static String moneyRange(double low, double high, String currency) {
        String from = money(low, currency);
        String to = money(high, currency);
        if (from.equals(to)) {
            return from;
        }
        String bare = money(high, null);
        return from + "–" + bare;
    }

    private static String range(double low, double high, java.util.function.DoubleFunction<String> format) {
        String from = format.apply(low);
        String to = format.apply(high);
        if (from.equals(to)) {
            return from;
        }
        // "35–50 runs" reads better than "35 runs–50 runs": the unit only once, after the range
        String unit = commonUnit(from, to);
        return from.substring(0, from.length() - unit.length()) + "–" + to;
    }

    private static String commonUnit(String from, String to) {
        int space = from.lastIndexOf(' ');
        if (space < 0 || to.lastIndexOf(' ') < 0) {
            return "";
        }
        String unit = from.substring(space);
        return to.endsWith(unit) ? unit : "";
    }
}
