package dev.junction.backend.dashboard;

import java.util.Locale;

/** How the dashboard's numbers read: counts, rates, durations and their changes. */
final class DashboardTexts {

    static final String MINUS = "\u2212";

    private DashboardTexts() {
    }

    static String count(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f %%", value);
    }

    /** A duration of {@code millis} ms: "850 ms", "1.2 s", "2.5 min", "3.0 h", "2.0 d". */
    static String duration(double millis) {
        if (millis < 1_000) {
            return Math.round(millis) + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1_000);
        }
        if (millis < 3_600_000) {
            return String.format(Locale.ROOT, "%.1f min", millis / 60_000);
        }
        if (millis < 172_800_000) {
            return String.format(Locale.ROOT, "%.1f h", millis / 3_600_000);
        }
        return String.format(Locale.ROOT, "%.1f d", millis / 86_400_000);
    }

    /** The change as a share of the previous value ("+12 %", "−3 %"), or the difference when there was none. */
    static String relativeChange(Double value, Double previous) {
        if (value == null || previous == null) {
            return null;
        }
        if (previous == 0) {
            return value == 0 ? "±0 %" : signed(value, count(Math.abs(value)));
        }
        double change = (value - previous) / previous * 100;
        return signed(Math.round(change), String.format(Locale.ROOT, "%d %%", Math.abs(Math.round(change))));
    }

    /** The difference of two counts ("+3", "−3", "±0"). */
    static String countChange(Double value, Double previous) {
        if (value == null || previous == null) {
            return null;
        }
        double change = value - previous;
        return signed(change, count(Math.abs(change)));
    }

    /** The difference of two percentages in points ("+2.5 pp"). */
    static String pointChange(Double value, Double previous) {
        if (value == null || previous == null) {
            return null;
        }
        double change = Math.round((value - previous) * 10) / 10.0;
        return signed(change, String.format(Locale.ROOT, "%.1f pp", Math.abs(change)));
    }

    /** The difference of two durations in ms ("+1.5 h"; under half a millisecond reads "±0 ms"). */
    static String durationChange(Double value, Double previous) {
        if (value == null || previous == null) {
            return null;
        }
        double change = value - previous;
        return signed(Math.abs(change) < 0.5 ? 0 : change, duration(Math.abs(change)));
    }

    /**
     * More is bad, read from the change as the tile shows it: a rise ("+6", "+0.1 pp") is {@code bad}, a fall
     * ("−3") {@code good}, and a change that rounds to zero ("±0.0 pp", "±0 %") or none {@code neutral} — so a
     * tile never colours a change it reads as nothing.
     */
    static String moreIsBad(String shownChange) {
        if (shownChange == null) {
            return "neutral";
        }
        if (shownChange.startsWith("+")) {
            return "bad";
        }
        return shownChange.startsWith(MINUS) ? "good" : "neutral";
    }

    private static String signed(double change, String magnitude) {
        if (change > 0) {
            return "+" + magnitude;
        }
        if (change < 0) {
            return MINUS + magnitude;
        }
        return "±" + magnitude;
    }
}
