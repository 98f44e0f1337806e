import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time of the measured processes over a window, read from Linux's {@code /proc}: the given pids and all their
 * descendants (PostgreSQL's backends are children of its postmaster), plus the whole machine's busy time from
 * {@code /proc/stat} so a reader sees what other processes took meanwhile. Anything not named — the remote stand-in,
 * this load generator — stays out of the figure.
 */
final class CpuMeter {

    /** What {@code /proc} counts in: clock ticks, 100 per second on every mainstream Linux build. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** {@code byRoot}: the ticks of each measured pid with its descendants, in the order the pids were given. */
    record Sample(long measuredTicks, long machineBusyTicks, long machineTotalTicks, long selfCpuNanos, long nanoTime,
                  long[] byRoot) {
    }

    record Usage(double measuredSeconds, double machineBusySeconds, double machineSeconds, double selfSeconds,
                 double wallSeconds, double[] byRootSeconds) {

        double othersSeconds() {
            return Math.max(0, machineBusySeconds - measuredSeconds - selfSeconds);
        }
    }

    private final List<Long> roots;

    CpuMeter(List<Long> roots) {
        this.roots = roots;
    }

    boolean available() {
        return Files.isReadable(Path.of("/proc/stat"));
    }

    Sample sample() {
        Map<Long, List<Long>> children = children();
        long measured = 0;
        long[] byRoot = new long[roots.size()];
        Set<Long> counted = new HashSet<>();
        for (int i = 0; i < roots.size(); i++) {
            for (long pid : withDescendants(List.of(roots.get(i)), children)) {
                if (counted.add(pid)) {
                    long ticks = ticks(pid);
                    byRoot[i] += ticks;
                    measured += ticks;
                }
            }
        }
        long busy = 0;
        long total = 0;
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                long value = Long.parseLong(cpu[i]);
                total += value;
                if (i != 4 && i != 5) { // idle, iowait
                    busy += value;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: machine figures stay 0
        }
        long self = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos()).orElse(0L);
        return new Sample(measured, busy, total, self, System.nanoTime(), byRoot);
    }

    static Usage between(Sample from, Sample to) {
        double[] byRoot = new double[to.byRoot.length];
        for (int i = 0; i < byRoot.length; i++) {
            byRoot[i] = (to.byRoot[i] - from.byRoot[i]) / TICKS_PER_SECOND;
        }
        return new Usage((to.measuredTicks - from.measuredTicks) / TICKS_PER_SECOND,
                (to.machineBusyTicks - from.machineBusyTicks) / TICKS_PER_SECOND,
                (to.machineTotalTicks - from.machineTotalTicks) / TICKS_PER_SECOND,
                (to.selfCpuNanos - from.selfCpuNanos) / 1e9, (to.nanoTime - from.nanoTime) / 1e9, byRoot);
    }

    private static Map<Long, List<Long>> children() {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.map(p -> p.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .forEach(name -> {
                        long pid = Long.parseLong(name);
                        long parent = parent(pid);
                        if (parent > 0) {
                            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(pid);
                        }
                    });
        } catch (IOException e) {
            // no process table: each root counts alone
        }
        return children;
    }

    private static Set<Long> withDescendants(List<Long> roots, Map<Long, List<Long>> children) {
        Set<Long> all = new HashSet<>();
        List<Long> todo = new ArrayList<>(roots);
        while (!todo.isEmpty()) {
            long pid = todo.removeLast();
            if (all.add(pid)) {
                todo.addAll(children.getOrDefault(pid, List.of()));
            }
        }
        return all;
    }

    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name is in parentheses and may hold spaces: the fields start after the last ')'
            return stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long parent(long pid) {
        String[] fields = statFields(pid);
        return fields == null ? -1 : Long.parseLong(fields[1]);
    }

    private static long ticks(long pid) {
        String[] fields = statFields(pid);
        // after the name: state(0) ppid(1) … utime(11) stime(12)
        return fields == null ? 0 : Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
