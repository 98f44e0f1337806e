package dev.junction.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.junction.db.generator.RunGenerator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * OPS-10's browser benchmark (not part of the default suite: the name does not end in Test; run it with
 * {@code -Dtest=DashboardBrowserReadyBenchmark}). Generates 1M runs, then opens the dashboard of all workflows for
 * each range, five times each, and measures navigation start → {@code [data-testid=dashboard-ready]} (tiles there, every chart drawn) with
 * {@code performance.now()}; see docs/benchmarks.md. It records, never asserts on time.
 */
class DashboardBrowserReadyBenchmark extends BrowserTest {

    private static final int ROUNDS = 5;

    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    @Test
    void navigationToDashboardReady() throws Exception {
        seed();
        signIn("admin", ADMIN_PASSWORD);
        StringBuilder result = new StringBuilder();
        for (String range : DashboardRanges.ALL) {
            List<Double> millis = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                page.navigate(url("/dashboard?range=" + range));
                page.locator("[data-testid=dashboard-ready]").waitFor(new Locator.WaitForOptions()
                        .setState(WaitForSelectorState.ATTACHED).setTimeout(120_000));
                millis.add(((Number) page.evaluate("performance.now()")).doubleValue());
            }
            screenshot("range-" + range);
            List<Double> sorted = millis.stream().sorted().toList();
            result.append(String.format("dashboard browser-ready, range %s: first %.0f ms, median %.0f ms, max %.0f ms"
                    + " (%d navigations)%n", range, millis.getFirst(), sorted.get(sorted.size() / 2), sorted.getLast(),
                    ROUNDS));
        }
        System.out.print(result);
        Path out = Path.of("target/benchmarks/dashboard-browser-ready.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, result);
    }

    /**
     * 1,000,000 runs of 20 generated workflows over 60 days, with their rollups (ops-data's {@link RunGenerator};
     * {@code -Ddashboard.benchmark.runs=} for another number). The app is the shared e2e one: run this class alone.
     */
    void seed() throws java.sql.SQLException {
        long runs = Long.getLong("dashboard.benchmark.runs", 1_000_000L);
        try (java.sql.Connection connection = dataSource.getConnection()) {
            RunGenerator.Result generated = RunGenerator.generate(connection, RunGenerator.Plan.of(runs));
            System.out.printf("generated %d runs in %d ms%n", generated.runs(), generated.millis());
        }
    }

    /** The ranges the dashboard offers. */
    static final class DashboardRanges {
        static final List<String> ALL = List.of("1h", "24h", "7d", "30d");

        private DashboardRanges() {
        }
    }
}
