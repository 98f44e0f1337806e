package dev.junction.backend.reconciliation.matching;

import dev.junction.connectors.sandbox.reconciliation.ReconciliationScenario;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The time to reconcile a 100,000-row settlement (docs/benchmarks.md): the simulators' scenario with enough orders
 * for ≥ 100,000 rows and its Opayo transactions, reconciled 3 times to warm up and 7 times measured; prints the
 * median, fastest and slowest wall and CPU time (the machine is shared: CPU time shows the work, wall time what a
 * user would wait) and the journal's CSV size. Run by hand (the backend has no JMH set-up; JMH lives in
 * workflow-engine), e.g. from the test classpath: {@code java -cp … ReconciliationBenchmark [orders]}.
 */
public final class ReconciliationBenchmark {

    private ReconciliationBenchmark() {
    }

    public static void main(String[] args) {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 25_800;
        ReconciliationScenario scenario = ReconciliationScenario.generate(1, orders, LocalDate.of(2026, 11, 30));
        ReconciliationInput input = ScenarioRecords.input(scenario);
        int rows = input.settlements().getFirst().lines().size();
        System.out.printf("settlement rows: %d, Opayo transactions: %d, injected discrepancies: %d%n", rows,
                input.transactions().size(), scenario.injectedDiscrepancies().size());
        ReconciliationResult result = null;
        for (int i = 0; i < 3; i++) {
            result = Reconciler.reconcile(input);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] millis = new long[7];
        long[] cpuMillis = new long[7];
        for (int i = 0; i < millis.length; i++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            result = Reconciler.reconcile(input);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        long csvStart = System.nanoTime();
        String csv = JournalCsv.write(result.journalEntries());
        long csvMillis = (System.nanoTime() - csvStart) / 1_000_000;
        System.out.printf("reconcile: wall median %d ms, fastest %d ms, slowest %d ms; CPU of the calling thread "
                + "median %d ms, fastest %d ms, slowest %d ms (7 runs after 3 warm-up)%n", millis[3], millis[0],
                millis[6], cpuMillis[3], cpuMillis[0], cpuMillis[6]);
        System.out.printf("matches %d, unmatched %d, discrepancies %d, journal lines %d, balanced %s, CSV %d bytes "
                        + "in %d ms%n", result.matches().size(), result.unmatched().size(),
                result.discrepancies().size(), result.journalEntries().getFirst().lines().size(),
                result.journalEntries().getFirst().isBalanced(), csv.length(), csvMillis);
    }
}
