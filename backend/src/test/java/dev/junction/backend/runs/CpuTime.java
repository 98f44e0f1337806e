package dev.junction.backend.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time from Linux's /proc, for the load driver: this JVM's and the embedded PostgreSQL's (its postmaster and
 * every process under it; pg_ctl detaches the postmaster from the JVM),
 * and the whole machine's busy, idle and stolen time. The CPU the runs cost does not depend on what else the machine
 * runs meanwhile, unlike the rate they reach; the machine's figures say how much else it ran.
 */
final class CpuTime {

    private CpuTime() {
    }

    /** Clock ticks (1/100 s on Linux): ours (JVM, PostgreSQL), the machine's busy, idle and stolen. */
    record Sample(long ours, long busy, long idle, long steal) {

        String since(Sample before, long runs) {
            long ours = this.ours - before.ours;
            long busy = this.busy - before.busy;
            long total = busy + idle - before.idle + steal - before.steal;
            return String.format("cpu: %.2f ms per run (JVM and PostgreSQL: %.1f s of CPU); machine over the window:"
                            + " ours %.0f%%, others %.0f%%, idle %.0f%%, stolen %.0f%%", ours * 10.0 / runs, ours / 100.0,
                    100.0 * ours / total, 100.0 * Math.max(0, busy - ours) / total,
                    100.0 * (idle - before.idle) / total, 100.0 * (steal - before.steal) / total);
        }
    }

    static Sample sample(long postmasterPid) {
        long ours = tree(ProcessHandle.current()) + ProcessHandle.of(postmasterPid).map(CpuTime::tree).orElse(0L);
        try {
            // cpu  user nice system idle iowait irq softirq steal ...
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            long steal = Long.parseLong(cpu[8]);
            long busy = 0;
            for (int i : List.of(1, 2, 3, 6, 7)) {
                busy += Long.parseLong(cpu[i]);
            }
            return new Sample(ours, busy, idle, steal);
        } catch (IOException | RuntimeException e) {
            return new Sample(ours, 0, 0, 0);
        }
    }

    private static long tree(ProcessHandle root) {
        return ticks(root.pid()) + root.descendants().mapToLong(process -> ticks(process.pid())).sum();
    }

    /** The parent of a process (the postmaster of a PostgreSQL backend). */
    static long parentOf(long pid) {
        return ProcessHandle.of(pid).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
    }

    /** A process's user and system time, children it waited for included; 0 when it is gone. */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields from the state on: utime is the 14th field of the line, the 12th here
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
