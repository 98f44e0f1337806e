package dev.junction.backend.dashboard;

import java.util.List;

/**
 * One series of a chart. {@code link} is the runs list path a click on one of its bars opens, without the time
 * range (the chart adds {@code from} and {@code to} of the bucket clicked), e.g. {@code runs?status=dead_lettered};
 * null when a click opens nothing. {@code tone} hints the colour: {@code success}, {@code error}, {@code warning},
 * {@code neutral}.
 */
public record ChartSeries(String name, String tone, List<Double> values, String link) {
}
