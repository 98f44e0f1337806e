package dev.junction.backend.runs;

import dev.junction.engine.runs.GroupCommit;
import dev.junction.engine.runs.RunStore;

import java.time.Duration;

/**
 * Group commit of run intake: the starts that callers ask for at the same time are committed together, in one
 * transaction and one statement ({@link RunStore#startGroup}), and each caller is answered only after that commit
 * ({@link GroupCommit}: no timer; the first caller with no group in flight commits at once, those who arrive
 * meanwhile are the next group). A group that fails fails every caller in it ({@link RunIntakeFailedException});
 * none of its runs was started.
 */
final class RunIntakeGroups {

    /** The most runs in one group (one statement binds ~16 values per run). */
    static final int MAX_GROUP = 64;

    private final GroupCommit<RunStore.Intake, RunStore.Started> groups;

    RunIntakeGroups(RunStore store, String leaseOwner, Duration lease) {
        this.groups = new GroupCommit<>(group -> {
            try {
                return store.startGroup(group, leaseOwner, lease);
            } catch (RuntimeException | Error e) {
                throw new RunIntakeFailedException(group.size(), e);
            }
        }, MAX_GROUP);
    }

    /**
     * Starts the run with others asked for meanwhile; answers once its group committed.
     *
     * @throws RunIntakeFailedException when its group could not be committed (nothing of the group was started)
     */
    RunStore.Started start(RunStore.Intake intake) {
        return groups.commit(intake);
    }
}
