package dev.junction.ui.runs;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.junction.db.runs.StepView;
import dev.junction.ui.shared.Times;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's steps on a time axis (a Gantt): one lane per step (a forEach item is its own lane, labelled with its
 * item), each attempt a bar from its start to its end ({@code data-testid=gantt-bar}, {@code data-status},
 * {@code data-node}, {@code data-attempt}), the backoff wait between two attempts of a step drawn as a wait segment
 * ({@code gantt-wait}), and a long stretch in which nothing ran collapsed to a narrow marker saying how long it was
 * ({@code gantt-gap}). At most {@value #MAX_BARS} bars are drawn; a note says how many more there are (the steps
 * grid below lists them all).
 *
 * <p>Drawn server-side as positioned divs: the geometry is computed here in Java (as the other views compute what
 * their React components draw), and a bar chart of a few hundred rectangles needs no client code, no chart library
 * and no adapter; the bars are real elements the tests and screen readers can find.
 */
final class RunTimeline extends Div {

    static final int MAX_BARS = 200;
    /** A stretch with nothing running is collapsed when longer than this share of the run and {@link #GAP_MIN}. */
    private static final double GAP_SHARE = 0.15;
    private static final Duration GAP_MIN = Duration.ofSeconds(5);
    /** The width a collapsed stretch takes, as a share of the time that is drawn to scale. */
    private static final double COLLAPSED_SHARE = 0.04;

    RunTimeline() {
        setId("run-timeline");
        getElement().setAttribute("data-testid", "gantt");
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "2px").set("width", "100%")
                .set("font-size", "var(--lumo-font-size-s)");
    }

    /** Draws the attempts of {@code steps} that have started; {@code now} ends the ones still running. */
    void show(List<StepView> steps, OffsetDateTime now) {
        removeAll();
        List<StepView> attempts = steps.stream().filter(step -> step.startedAt() != null)
                .sorted(Comparator.comparing(StepView::startedAt)).toList();
        getElement().setAttribute("data-attempts", Integer.toString(attempts.size()));
        if (attempts.isEmpty()) {
            add(new Span("No step has started yet."));
            return;
        }
        List<StepView> drawn = attempts.size() > MAX_BARS ? attempts.subList(0, MAX_BARS) : attempts;
        Scale scale = Scale.of(drawn.stream().map(step -> new long[]{millis(step.startedAt()),
                millis(end(step, now))}).toList());

        Map<String, List<StepView>> lanes = new LinkedHashMap<>();
        for (StepView step : drawn) {
            lanes.computeIfAbsent(laneKey(step), key -> new ArrayList<>()).add(step);
        }
        add(axis(scale));
        lanes.forEach((key, laneSteps) -> add(lane(laneSteps, scale, now)));
        if (attempts.size() > drawn.size()) {
            Span note = new Span("Showing the first " + drawn.size() + " of " + attempts.size()
                    + " attempts; the steps below list them all.");
            note.setId("gantt-more");
            note.addClassName("secondary-text");
            add(note);
        }
    }

    private Div axis(Scale scale) {
        Div axis = track();
        axis.getElement().setAttribute("data-testid", "gantt-axis");
        for (Scale.Gap gap : scale.gaps()) {
            Div marker = positioned(scale.x(gap.from()), scale.x(gap.to()));
            marker.getElement().setAttribute("data-testid", "gantt-gap");
            marker.setTitle(RunFormat.duration(at(gap.from()), at(gap.to())) + " with nothing running (collapsed)");
            marker.getStyle().set("border-left", "2px dotted var(--lumo-contrast-50pct)")
                    .set("border-right", "2px dotted var(--lumo-contrast-50pct)").set("text-align", "center")
                    .set("color", "var(--lumo-secondary-text-color)").set("overflow", "hidden");
            marker.setText("⋯ " + RunFormat.duration(at(gap.from()), at(gap.to())));
            axis.add(marker);
        }
        Span start = new Span(Times.when(at(scale.start())));
        start.getStyle().set("position", "absolute").set("left", "0").set("color", "var(--lumo-secondary-text-color)");
        axis.add(start);
        return labelled("", axis);
    }

    private Div lane(List<StepView> steps, Scale scale, OffsetDateTime now) {
        StepView first = steps.getFirst();
        Div track = track();
        StepView previous = null;
        for (StepView step : steps) {
            long from = millis(step.startedAt());
            long to = millis(end(step, now));
            if (previous != null && previous.finishedAt() != null && millis(previous.finishedAt()) < from) {
                Div wait = positioned(scale.x(millis(previous.finishedAt())), scale.x(from));
                wait.getElement().setAttribute("data-testid", "gantt-wait");
                wait.setTitle("Backoff: waited " + RunFormat.duration(previous.finishedAt(), step.startedAt())
                        + " before attempt " + step.attempt());
                wait.getStyle().set("top", "45%").set("height", "10%")
                        .set("background", "repeating-linear-gradient(90deg, var(--lumo-contrast-40pct) 0 4px,"
                                + " transparent 4px 8px)");
                track.add(wait);
            }
            Div bar = positioned(scale.x(from), scale.x(to));
            bar.getElement().setAttribute("data-testid", "gantt-bar");
            bar.getElement().setAttribute("data-status", step.status());
            bar.getElement().setAttribute("data-node", step.nodeId());
            bar.getElement().setAttribute("data-attempt", Integer.toString(step.attempt()));
            bar.setTitle(StepNames.of(step) + " · attempt " + step.attempt() + " · " + RunStatusNames.label(step.status())
                    + " · "
                    + RunFormat.duration(step.startedAt(), step.finishedAt())
                    + (step.errorClass() == null ? "" : " · " + RunFormat.error(step.errorClass(), step.errorMessage())));
            bar.getStyle().set("background", RunStatusBadge.colour(step.status())).set("border-radius", "3px")
                    .set("min-width", "3px");
            track.add(bar);
            previous = step;
        }
        return labelled(StepNames.of(first), track);
    }

    private static Div labelled(String label, Div track) {
        Span name = new Span(label);
        name.getStyle().set("width", "14em").set("flex", "none").set("overflow", "hidden")
                .set("text-overflow", "ellipsis").set("white-space", "nowrap");
        name.setTitle(label);
        Div row = new Div(name, track);
        row.getStyle().set("display", "flex").set("align-items", "center").set("gap", "var(--lumo-space-s)");
        return row;
    }

    private static Div track() {
        Div track = new Div();
        track.getStyle().set("position", "relative").set("flex", "1").set("height", "1.2em")
                .set("background", "var(--lumo-contrast-5pct)");
        return track;
    }

    private static Div positioned(double fromPercent, double toPercent) {
        Div div = new Div();
        div.getStyle().set("position", "absolute").set("top", "10%").set("height", "80%")
                .set("left", percent(fromPercent)).set("width", percent(Math.max(0, toPercent - fromPercent)));
        return div;
    }

    private static String percent(double value) {
        return String.format(java.util.Locale.ROOT, "%.3f%%", value);
    }

    /** One lane per step and forEach item (a replay's steps share the lane of the step they repeat). */
    private static String laneKey(StepView step) {
        return step.nodeId() + "|" + step.forEachId() + "|" + step.itemIndex();
    }

    private static OffsetDateTime end(StepView step, OffsetDateTime now) {
        return step.finishedAt() != null ? step.finishedAt() : now.isBefore(step.startedAt()) ? step.startedAt() : now;
    }

    private static long millis(OffsetDateTime time) {
        return time.toInstant().toEpochMilli();
    }

    private static OffsetDateTime at(long millis) {
        return java.time.Instant.ofEpochMilli(millis).atOffset(java.time.ZoneOffset.UTC);
    }

    /**
     * Time → x (0–100 %) with the long stretches in which nothing ran collapsed: the run's span minus those
     * stretches is drawn to scale, each collapsed stretch takes {@link #COLLAPSED_SHARE} of it.
     */
    record Scale(long start, long end, List<Gap> gaps, double collapsedWidth, double scaledTotal) {

        record Gap(long from, long to) {
        }

        static Scale of(List<long[]> intervals) {
            List<long[]> sorted = intervals.stream().sorted(Comparator.comparingLong(interval -> interval[0]))
                    .toList();
            long start = sorted.getFirst()[0];
            long end = sorted.stream().mapToLong(interval -> interval[1]).max().orElse(start);
            if (end <= start) {
                end = start + 1;
            }
            long threshold = Math.max(GAP_MIN.toMillis(), (long) ((end - start) * GAP_SHARE));
            List<Gap> gaps = new ArrayList<>();
            long reached = sorted.getFirst()[1];
            for (long[] interval : sorted) {
                if (interval[0] - reached > threshold) {
                    gaps.add(new Gap(reached, interval[0]));
                }
                reached = Math.max(reached, interval[1]);
            }
            long collapsed = gaps.stream().mapToLong(gap -> gap.to() - gap.from()).sum();
            double scaled = Math.max(1, end - start - collapsed);
            double gapWidth = scaled * COLLAPSED_SHARE;
            return new Scale(start, end, List.copyOf(gaps), gapWidth, scaled + gapWidth * gaps.size());
        }

        /** The x of {@code time}, in percent of the width. */
        double x(long time) {
            double position = 0;
            long cursor = start;
            for (Gap gap : gaps) {
                if (time <= gap.from()) {
                    break;
                }
                position += gap.from() - cursor;
                if (time < gap.to()) {
                    position += collapsedWidth * (time - gap.from()) / (double) (gap.to() - gap.from());
                    return 100 * position / scaledTotal;
                }
                position += collapsedWidth;
                cursor = gap.to();
            }
            position += Math.min(time, end) - cursor;
            return 100 * Math.max(0, position) / scaledTotal;
        }
    }
}
