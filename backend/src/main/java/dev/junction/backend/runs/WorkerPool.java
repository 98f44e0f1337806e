package dev.junction.backend.runs;

import dev.junction.backend.database.DatabaseOutage;
import dev.junction.engine.runs.ClaimedTask;
import dev.junction.engine.runs.NewRun;
import dev.junction.engine.runs.RunState;
import dev.junction.engine.runs.RunStore;
import dev.junction.engine.runs.RunWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A bounded pool of workers that claim step tasks from the database. Idle workers wait on one queue of work for
 * this process: a run handed to the pool, or a wake token saying a run was queued in the database ({@link #wake()});
 * without either they look at the database again every poll interval. Stopping lets each worker finish the step it
 * holds (up to the grace period) and gives back whatever is still held, for other nodes to take.
 *
 * <p>Run intake in this process goes through the pool ({@link #startHere}, {@link #startQueued}). A run started
 * here may be <em>handed</em> to the pool: its first task is committed already leased
 * to the pool's hand-off owner and waits in memory for the next free worker, which saves a claim (a query and a
 * commit) per run. At most twice as many runs as workers wait so; beyond that, runs go through the queue in the
 * database. Workers take handed tasks and claimed ones in turn, so that neither starves the other. If this process
 * dies, the handed tasks' leases expire and other nodes take them, as with any claimed task.
 *
 * <p>{@code size} is how many workers run steps at once: each holds one of the pool's places while it claims, runs
 * and commits. A worker that waits on a remote ({@link #waitingOnRemote()}: a connector call) longer than
 * {@value #PLACE_KEPT_MILLIS} ms gives its place up for the rest of the wait, and when no other worker is idle or
 * waiting for a place the pool starts one more, up to {@code maxWaiting} beyond
 * {@code size}: a remote that takes 50 ms then costs a waiting thread, not a quarter of the node's throughput.
 * Back from the remote, the worker takes a place again before it commits (places are handed out in arrival
 * order). Workers started so stop again after {@value #SPARE_IDLE_SECONDS} s without work.
 */
public class WorkerPool {

    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
    private static final Duration FAULT_PAUSE = Duration.ofSeconds(1);
    /** The longest pause of a worker that keeps failing to reach the run store (the database is down). */
    private static final Duration MAX_FAULT_PAUSE = Duration.ofSeconds(5);

    /** How long a worker started beyond {@code size} stays without work before it stops. */
    static final int SPARE_IDLE_SECONDS = 5;
    /** How long a worker waiting on a remote keeps its place before it gives it up. */
    static final int PLACE_KEPT_MILLIS = 5;
    /** The pool whose worker runs on the current thread (none: not a worker of a pool). */
    private static final ThreadLocal<WorkerPool> CURRENT = new ThreadLocal<>();
    /** Whether the current thread is waiting on a remote already (a wait inside a wait gives up nothing more). */
    private static final ThreadLocal<Boolean> WAITING = new ThreadLocal<>();

    private final RunStore store;
    private final int size;
    private final int maxThreads;
    private final IntFunction<RunWorker> workerFactory;
    private final AtomicInteger nextWorker = new AtomicInteger();
    /** Every worker id this pool has run under: the owners whose leases {@link #stop()} gives back. */
    private final List<String> owners = new CopyOnWriteArrayList<>();
    /** The places of workers running steps ({@code size}), handed out in arrival order. */
    private final Semaphore places;
    private final AtomicInteger alive = new AtomicInteger();
    /** Workers waiting for work (not holding a place). */
    private final AtomicInteger idle = new AtomicInteger();
    /** Workers in a connector call (after its first {@value #PLACE_KEPT_MILLIS} ms, not holding a place). */
    private final AtomicInteger waiting = new AtomicInteger();
    private final Duration pollInterval;
    private final Duration shutdownGrace;
    private final Duration lease;
    private final boolean virtualThreads;
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    /** Gives up the places of workers whose wait on a remote lasts (null while the pool is stopped). */
    private volatile ScheduledThreadPoolExecutor waitTimer;
    private final String handOffOwner;
    /** What idle workers wait on: handed runs, and at most one pending wake token for runs queued meanwhile. */
    private final LinkedBlockingQueue<Work> work = new LinkedBlockingQueue<>();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final Semaphore handOffPlaces;
    /** Group commit of the runs started here (null: each run commits on its own). */
    private final RunIntakeGroups intakeGroups;
    /**
     * Until when (nanoTime) the queue in the database was last found empty: while handed tasks wait, workers do
     * not ask it again before a poll interval has passed or a run was queued in this process.
     */
    private volatile long queueQuietUntil;
    private volatile boolean running;

    public WorkerPool(RunStore store, int size, IntFunction<RunWorker> workerFactory, Duration pollInterval,
                      Duration shutdownGrace, String handOffOwner) {
        this(store, size, workerFactory, pollInterval, shutdownGrace, handOffOwner,
                new Options(Duration.ofSeconds(60), false, false, 0));
    }

    /**
     * How a pool runs: {@code lease}, of its handed runs' first tasks (as its workers' claims are);
     * {@code groupIntake}, whether runs started here outside a transaction are committed in groups
     * ({@link RunIntakeGroups}); {@code virtualThreads}, whether its workers are virtual threads;
     * {@code maxWaiting}, how many workers beyond the pool's size may be waiting on remotes at once.
     */
    public record Options(Duration lease, boolean groupIntake, boolean virtualThreads, int maxWaiting) {

        public Options {
            if (maxWaiting < 0) {
                throw new IllegalArgumentException("maxWaiting must be 0 or more, was " + maxWaiting);
            }
        }
    }

    public WorkerPool(RunStore store, int size, IntFunction<RunWorker> workerFactory, Duration pollInterval,
                      Duration shutdownGrace, String handOffOwner, Options options) {
        this.store = store;
        this.size = size;
        this.maxThreads = size + options.maxWaiting();
        this.workerFactory = workerFactory;
        this.places = new Semaphore(size, true);
        this.pollInterval = pollInterval;
        this.shutdownGrace = shutdownGrace;
        this.handOffOwner = handOffOwner;
        this.lease = options.lease();
        this.virtualThreads = options.virtualThreads();
        this.handOffPlaces = new Semaphore(2 * size);
        this.intakeGroups = options.groupIntake() ? new RunIntakeGroups(store, handOffOwner, lease) : null;
    }

    /**
     * Starts one run of this process: handed to a local worker with its first task leased already when the pool
     * runs, has a free place and the run has exactly one first node (reserve, start leased, hand after the caller's
     * commit, or give the place back when the start fails); else queued in the database with an idle worker woken.
     * Answers the run's id once the run is committed (or, inside the caller's transaction, written in it).
     */
    public UUID startHere(NewRun run) {
        if (run.firstNodes().size() == 1) {
            Optional<HandOff> place = reserveHandOff();
            if (intakeGroups != null && !TransactionSynchronizationManager.isActualTransactionActive()) {
                return startInGroup(run, place);
            }
            if (place.isPresent()) {
                ClaimedTask task;
                try {
                    task = store.startLeased(run, place.get().owner(), lease);
                } catch (RuntimeException e) {
                    place.get().cancel();
                    throw e;
                }
                place.get().hand(task, RunState.ofNewRun(task.runId(), run));
                return task.runId();
            }
        }
        return startQueued(List.of(run), null).getFirst();
    }

    /**
     * Starts the run in a group commit with the starts other callers ask for meanwhile ({@link RunIntakeGroups}):
     * handed when it has a place, else queued; answers after the group's commit.
     */
    private UUID startInGroup(NewRun run, Optional<HandOff> place) {
        RunStore.Started started;
        try {
            started = intakeGroups.start(new RunStore.Intake(run, place.isPresent()));
        } catch (RuntimeException e) {
            place.ifPresent(HandOff::cancel);
            throw e;
        }
        if (place.isPresent()) {
            place.get().hand(started.task(), RunState.ofNewRun(started.runId(), run));
        } else {
            wake();
        }
        return started.runId();
    }

    /** Starts runs (and moves a polling cursor) in one transaction through the queue, waking an idle worker. */
    public List<UUID> startQueued(List<NewRun> runs, RunStore.PollCursor cursor) {
        List<UUID> ids = store.start(runs, cursor);
        wakeAfterCommit();
        return ids;
    }

    /**
     * A place for one handed run, if the pool is running and has one free; the caller starts the run leased to
     * {@link HandOff#owner()} and then {@link HandOff#hand(ClaimedTask, RunState) hands} it over, or
     * {@link HandOff#cancel() cancels} the place. {@link #startHere} does all of it.
     */
    public Optional<HandOff> reserveHandOff() {
        if (!running || !handOffPlaces.tryAcquire()) {
            return Optional.empty();
        }
        return Optional.of(new HandOff());
    }

    /** One reserved place for a handed run. */
    public final class HandOff {

        private boolean used;

        private HandOff() {
        }

        public String owner() {
            return handOffOwner;
        }

        /** Gives the committed task to the next free worker (after the caller's transaction commits, if any). */
        public void hand(ClaimedTask task, RunState state) {
            afterCommit(() -> {
                if (take()) {
                    work.add(new Handed(task, state));
                }
            }, this::cancel);
        }

        /** Frees the place (nothing was started, or the start rolled back). */
        public void cancel() {
            if (take()) {
                handOffPlaces.release();
            }
        }

        private synchronized boolean take() {
            boolean first = !used;
            used = true;
            return first;
        }
    }

    /** What a worker of this process may be given: a handed run, or a token saying the database queue has work. */
    private sealed interface Work permits Handed, Wake {
    }

    private record Handed(ClaimedTask task, RunState state) implements Work {
    }

    private enum Wake implements Work {
        TOKEN
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                task -> Thread.ofPlatform().daemon(true).name("run-remote-waits").unstarted(task));
        timer.setRemoveOnCancelPolicy(true);
        waitTimer = timer;
        for (int i = 0; i < size; i++) {
            startWorker();
        }
        log.info("Run workers: {} started ({} threads; up to {} more while steps wait on remotes)", size,
                virtualThreads ? "virtual" : "platform", maxThreads - size);
    }

    /** Starts one more worker unless the pool has {@code size + maxWaiting} already; false when it has. */
    private boolean startWorker() {
        if (alive.incrementAndGet() > maxThreads) {
            alive.decrementAndGet();
            return false;
        }
        RunWorker worker = workerFactory.apply(nextWorker.getAndIncrement());
        owners.add(worker.workerId());
        Thread.Builder builder = virtualThreads ? Thread.ofVirtual() : Thread.ofPlatform().daemon(true);
        Thread thread = builder.name("run-" + worker.workerId()).unstarted(() -> {
            CURRENT.set(this);
            boolean countedOut = false;
            try {
                countedOut = loop(worker);
            } finally {
                CURRENT.remove();
                if (countedOut) {
                    // it stopped idle, holding no lease: its id need not be given back at stop (and the list of
                    // ids does not grow with every worker started for a wait)
                    owners.remove(worker.workerId());
                } else {
                    alive.decrementAndGet();
                }
                threads.remove(Thread.currentThread());
            }
        });
        threads.add(thread);
        thread.start();
        return true;
    }

    /**
     * Called by a step about to wait on a remote (a connector call): on a worker of a pool, the worker gives its
     * place up when the wait lasts ({@link RemoteWait}) until {@link Waiting#close()}, and a worker is started for
     * the work meanwhile when none is idle; anywhere else (and inside another wait) nothing happens. Back from the
     * remote, {@code close} waits for a place if it gave its own up.
     */
    public static Waiting waitingOnRemote() {
        WorkerPool pool = CURRENT.get();
        if (pool == null || WAITING.get() != null) {
            return Waiting.NONE;
        }
        WAITING.set(Boolean.TRUE);
        return pool.new RemoteWait();
    }

    /**
     * One worker's wait on a remote: it keeps its place for the first {@value #PLACE_KEPT_MILLIS} ms (a remote that
     * answers at once costs no hand-over and starts no worker; on 2 cores, workers doing the calls' own CPU work
     * beside those holding places only contend), then gives it up until the answer comes.
     */
    private final class RemoteWait implements Waiting {

        private static final int HOLDING = 0;
        private static final int GIVEN_UP = 1;
        private static final int DONE = 2;

        private final AtomicInteger state = new AtomicInteger(HOLDING);
        private final ScheduledFuture<?> giveUp;

        private RemoteWait() {
            waiting.incrementAndGet();
            ScheduledFuture<?> scheduled = null;
            try {
                ScheduledThreadPoolExecutor timer = waitTimer;
                if (timer != null) {
                    scheduled = timer.schedule(this::giveUpPlace, PLACE_KEPT_MILLIS, TimeUnit.MILLISECONDS);
                }
            } catch (RejectedExecutionException stopping) {
                // the pool is stopping: the worker keeps its place for this wait
            }
            giveUp = scheduled;
        }

        private void giveUpPlace() {
            if (state.compareAndSet(HOLDING, GIVEN_UP)) {
                places.release();
                // another worker takes the place: one waiting for a place, else an idle one, else one started for it
                if (running && idle.get() == 0 && !places.hasQueuedThreads()) {
                    startWorker();
                }
            }
        }

        @Override
        public void close() {
            WAITING.remove();
            waiting.decrementAndGet();
            if (state.compareAndSet(HOLDING, DONE)) {
                if (giveUp != null) {
                    giveUp.cancel(false);
                }
                return;
            }
            places.acquireUninterruptibly();
        }
    }


    /** A wait on a remote; {@link #close()} ends it. */
    @FunctionalInterface
    public interface Waiting extends AutoCloseable {

        Waiting NONE = () -> {
        };

        @Override
        void close();
    }

    /**
     * Tells one idle worker that a task may be due now: one wake token, unless one is pending already. One, not
     * all: the others would only race it for the same task and find nothing. A busy worker takes the token when it
     * is done and looks again at once.
     */
    public void wake() {
        queueQuietUntil = 0;
        if (wakePending.compareAndSet(false, true)) {
            work.add(Wake.TOKEN);
        }
    }

    /** Wakes an idle worker once the caller's transaction commits (at once when there is none). */
    public void wakeAfterCommit() {
        afterCommit(this::wake, () -> { });
    }

    private static void afterCommit(Runnable committed, Runnable rolledBack) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        committed.run();
                    } else {
                        rolledBack.run();
                    }
                }
            });
        } else {
            committed.run();
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** How many workers are alive now: the pool's size, and those started while steps wait on remotes. */
    public int workerThreads() {
        return alive.get();
    }

    /** How many workers are waiting on a remote now (a connector call), without a place. */
    public int waitingOnRemotes() {
        return waiting.get();
    }

    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        // one token per worker ends the wait of the idle ones at once; the busy ones finish their step first
        threads.forEach(thread -> work.add(Wake.TOKEN));
        long deadline = System.nanoTime() + shutdownGrace.toNanos();
        for (Thread thread : List.copyOf(threads)) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        ScheduledThreadPoolExecutor timer = waitTimer;
        waitTimer = null;
        if (timer != null) {
            timer.shutdownNow();
        }
        int released = 0;
        work.clear();
        wakePending.set(false);
        try {
            List<String> leaseOwners = new ArrayList<>(owners);
            leaseOwners.add(handOffOwner);
            released = store.release(leaseOwners);
        } catch (RuntimeException e) {
            log.warn("Could not give back the tasks of this node's workers: their leases will expire instead ({})",
                    e.getMessage());
        }
        threads.clear();
        log.info("Run workers stopped{}", released == 0 ? "" : "; " + released + " task(s) given back");
    }

    /** A worker's life; answers whether it was counted out of the living workers already. */
    private boolean loop(RunWorker worker) {
        boolean handedFirst = true;
        int faults = 0;
        long idleSince = System.nanoTime();
        while (running) {
            try {
                RunWorker.Outcome outcome;
                places.acquire();
                try {
                    if (!running) {
                        return false;
                    }
                    boolean preferHanded = handedFirst || queueQuiet();
                    outcome = preferHanded ? run(worker, work.poll()) : RunWorker.Outcome.IDLE;
                    if (outcome == RunWorker.Outcome.IDLE) {
                        outcome = worker.runOne();
                        if (outcome == RunWorker.Outcome.IDLE) {
                            queueQuietUntil = System.nanoTime() + pollInterval.toNanos();
                        }
                    }
                    if (outcome == RunWorker.Outcome.IDLE && !preferHanded) {
                        outcome = run(worker, work.poll());
                    }
                } finally {
                    places.release();
                }
                handedFirst = !handedFirst;
                if (outcome == RunWorker.Outcome.IDLE) {
                    if (countedOutWhenIdle(idleSince)) {
                        return true;
                    }
                    if (runWhenGiven(worker)) {
                        idleSince = System.nanoTime();
                    }
                } else {
                    idleSince = System.nanoTime();
                }
                faults = storeReachable(faults);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (RuntimeException e) {
                faults++;
                Duration pause = faultPause(faults);
                if (!DatabaseOutage.isCause(e)) {
                    log.warn("Worker {} failed; trying again in {}", worker.workerId(), pause, e);
                } else if (faults == 1) {
                    log.warn("Worker {} cannot reach the database ({}); it tries again, quietly, until the database"
                            + " answers", worker.workerId(), e.getMessage());
                    log.debug("The database's failure", e);
                } else {
                    log.debug("Worker {} still cannot reach the database: {}", worker.workerId(), e.getMessage());
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /**
     * Waits up to a poll interval for work without holding a place, then runs what came (holding one); answers
     * whether anything came.
     */
    private boolean runWhenGiven(RunWorker worker) throws InterruptedException {
        Work given;
        idle.incrementAndGet();
        try {
            given = work.poll(pollInterval.toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            idle.decrementAndGet();
        }
        if (given == null) {
            return false;
        }
        places.acquire();
        try {
            run(worker, given);
        } finally {
            places.release();
        }
        return true;
    }

    /**
     * Whether this worker is one beyond the pool's size and has had no work for a while: it then stops, counted out
     * of the living workers here (so that two such workers never both stop below the pool's size).
     */
    private boolean countedOutWhenIdle(long idleSince) {
        if (System.nanoTime() - idleSince < TimeUnit.SECONDS.toNanos(SPARE_IDLE_SECONDS)) {
            return false;
        }
        int now = alive.get();
        return now > size && alive.compareAndSet(now, now - 1);
    }

    /** After a step or a look at the queue went through: says so once if the run store had been failing. */
    private int storeReachable(int faults) {
        if (faults > 0) {
            log.info("The database answers the run workers again (after {} failed attempt(s))", faults);
        }
        return 0;
    }

    /** The pause after {@code faults} failures in a row: 1 s, doubling, at most {@link #MAX_FAULT_PAUSE}. */
    static Duration faultPause(int faults) {
        long millis = FAULT_PAUSE.toMillis() << Math.min(Math.max(0, faults - 1), 10);
        return Duration.ofMillis(Math.min(MAX_FAULT_PAUSE.toMillis(), millis));
    }

    private boolean queueQuiet() {
        long until = queueQuietUntil;
        return until != 0 && until - System.nanoTime() > 0;
    }

    /**
     * Does what the worker was given: runs a handed task, or (a wake token) looks at the database queue at once;
     * IDLE when it was given nothing or the queue had nothing due.
     */
    private RunWorker.Outcome run(RunWorker worker, Work given) {
        return switch (given) {
            case null -> RunWorker.Outcome.IDLE;
            case Handed handed -> {
                handOffPlaces.release();
                yield worker.run(handed.task(), handed.state());
            }
            case Wake token -> {
                wakePending.set(false);
                yield running ? worker.runOne() : RunWorker.Outcome.IDLE;
            }
        };
    }
}
