package dev.junction.db.runs;

import java.util.List;

/** A run with its input, output and steps (earliest first, then the pending ones). */
public record RunDetail(RunSummary run, ShownPayload input, ShownPayload output, int generation,
                        List<StepView> steps) {
}
