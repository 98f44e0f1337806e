package dev.junction.backend.errors;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.runs.RunService;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.errors.ErrorGroup;
import dev.junction.db.errors.ErrorGroupFilter;
import dev.junction.db.errors.ErrorGroups;
import dev.junction.db.errors.GroupRun;
import dev.junction.db.runs.ReplayMode;
import dev.junction.db.users.UserRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The error inbox: failures grouped by fingerprint, triaged by people (assign, tag, resolve with a note, reopen) and
 * retried as a group (a bulk replay at a rate limit, with a dry run). Every action is audited.
 */
@Service
public class ErrorGroupService {

    public static final String ENTITY = "error_group";
    public static final int MAX_LIST = 500;
    public static final int KEYS_SHOWN = 20;
    public static final int MAX_TAGS = 20;
    public static final int NOTE_MAX_LENGTH = 2_000;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._:/-]{0,39}");
    private static final String MAY_TRIAGE = "hasAnyRole('ADMIN', 'OPERATOR')";

    private final ErrorGroups groups;
    private final RunService runs;
    private final UserRepository users;
    private final AuditTrail audit;

    ErrorGroupService(ErrorGroups groups, RunService runs, UserRepository users, AuditTrail audit) {
        this.groups = groups;
        this.runs = runs;
        this.users = users;
        this.audit = audit;
    }

    /** A group with a sample of its business keys. */
    public record GroupDetail(ErrorGroup group, List<String> businessKeys) {
    }

    /** What retrying a group did (or, for a dry run, would do: {@code replayable} runs, nothing replayed). */
    public record GroupRetry(boolean dryRun, int replayable, RunService.BulkReplay replay) {
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ErrorGroup> list(ErrorGroupFilter filter, int limit) {
        return groups.list(filter, limit);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public GroupDetail get(UUID id) {
        return new GroupDetail(group(id), groups.businessKeys(id, KEYS_SHOWN));
    }

    /** A page of the group's runs (no payloads); {@code pendingOnly}: those replayed and waiting to run. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<GroupRun> runs(UUID id, boolean pendingOnly, int offset, int limit) {
        group(id);
        return groups.runs(id, pendingOnly, offset, limit);
    }

    /** Assigns the group to the user {@code username} (null or blank: to nobody). */
    @PreAuthorize(MAY_TRIAGE)
    @Transactional
    public ErrorGroup assign(UUID id, String username) {
        String assignee = username == null || username.isBlank() ? null : UserRepository.normalize(username);
        if (assignee != null && users.findByUsername(assignee).isEmpty()) {
            throw new InvalidInputException("assignee", "must be the username of a user; there is no user '"
                    + username.strip() + "'");
        }
        ErrorGroup before = group(id);
        groups.assign(id, assignee);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("assignee", assignee);
        details.put("previous", before.assignee());
        audit.record("error_group.assigned", ENTITY, id.toString(), details);
        return group(id);
    }

    /** Replaces the group's tags (each 1–40 letters, digits, spaces or {@code . _ : / -}; at most 20). */
    @PreAuthorize(MAY_TRIAGE)
    @Transactional
    public ErrorGroup tag(UUID id, List<String> tags) {
        if (tags == null) {
            throw new InvalidInputException("tags", "must be a list of tags (an empty list removes them all)");
        }
        LinkedHashSet<String> clean = new LinkedHashSet<>();
        for (String tag : tags) {
            String stripped = tag == null ? "" : tag.strip();
            if (!TAG.matcher(stripped).matches()) {
                throw new InvalidInputException("tags", "each tag must be 1 to 40 letters, digits, spaces or . _ : / -"
                        + " starting with a letter or digit, was '" + (tag == null ? "null" : tag) + "'");
            }
            clean.add(stripped);
        }
        if (clean.size() > MAX_TAGS) {
            throw new InvalidInputException("tags", "must be at most " + MAX_TAGS + " tags, has " + clean.size());
        }
        group(id);
        groups.tag(id, new ArrayList<>(clean));
        audit.record("error_group.tagged", ENTITY, id.toString(), Map.of("tags", List.copyOf(clean)));
        return group(id);
    }

    /** Resolves the group and its open failures with a note (required: what was done about it). */
    @PreAuthorize(MAY_TRIAGE)
    @Transactional
    public ErrorGroup resolve(UUID id, String note) {
        if (note == null || note.isBlank()) {
            throw new InvalidInputException("note", "must say what was done about these failures");
        }
        if (note.strip().length() > NOTE_MAX_LENGTH) {
            throw new InvalidInputException("note", "must be at most " + NOTE_MAX_LENGTH + " characters, has "
                    + note.strip().length());
        }
        group(id);
        groups.resolve(id, note.strip(), CurrentUser.name());
        audit.record("error_group.resolved", ENTITY, id.toString(), Map.of("note", note.strip()));
        return group(id);
    }

    @PreAuthorize(MAY_TRIAGE)
    @Transactional
    public ErrorGroup reopen(UUID id) {
        group(id);
        groups.reopen(id);
        audit.record("error_group.reopened", ENTITY, id.toString(), Map.of());
        return group(id);
    }

    /**
     * Retries the group: replays its unresolved dead-lettered and failed runs (oldest first, at most
     * {@link RunService#BULK_REPLAY_MAX}) in {@code mode}, at {@code ratePerSecond} (null: the setting); with
     * {@code dryRun} only counts them.
     */
    @PreAuthorize(MAY_TRIAGE)
    @Transactional
    public GroupRetry retry(UUID id, ReplayMode mode, Integer ratePerSecond, boolean dryRun) {
        group(id);
        int replayable = Math.min(groups.countReplayable(id), RunService.BULK_REPLAY_MAX);
        if (dryRun) {
            return new GroupRetry(true, replayable, null);
        }
        RunService.BulkReplay replay = runs.replayAll(groups.replayableRuns(id, RunService.BULK_REPLAY_MAX), mode,
                ratePerSecond);
        audit.record("error_group.retried", ENTITY, id.toString(), Map.of("from", mode.jsonName(),
                "matched", replay.matched(), "replayed", replay.replayed().size(),
                "ratePerSecond", replay.ratePerSecond()));
        return new GroupRetry(false, replayable, replay);
    }

    private ErrorGroup group(UUID id) {
        return groups.find(id).orElseThrow(() -> new NotFoundException("No error group with id " + id));
    }
}
