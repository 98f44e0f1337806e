package dev.junction.backend.triggers;

import org.quartz.CronTrigger;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The next firings of the published schedule and polling triggers, read from Quartz (the same cron triggers
 * {@link ScheduleTriggers} keeps), soonest first.
 */
@Component
public class NextFirings {

    /** One trigger's next firing: its workflow, kind ({@code schedule}, {@code polling}), cron, zone and time. */
    public record Firing(UUID workflowId, String triggerKind, String cron, String timeZone, Instant nextFireAt) {
    }

    private final Scheduler scheduler;

    NextFirings(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Up to {@code limit} next firings, soonest first (of all workflows or of one, {@code workflowId} non-null). */
    public List<Firing> next(UUID workflowId, int limit) {
        List<Firing> firings = new ArrayList<>();
        try {
            for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(ScheduleTriggers.GROUP))) {
                if (workflowId != null && !key.getName().equals(workflowId.toString())) {
                    continue;
                }
                Trigger trigger = scheduler.getTrigger(key);
                if (!(trigger instanceof CronTrigger cron) || cron.getNextFireTime() == null) {
                    continue;
                }
                JobDetail job = scheduler.getJobDetail(trigger.getJobKey());
                String kind = job == null ? "schedule" : job.getJobDataMap().getString("kind");
                firings.add(new Firing(UUID.fromString(key.getName()), kind, cron.getCronExpression(),
                        cron.getTimeZone().getID(), cron.getNextFireTime().toInstant()));
            }
        } catch (SchedulerException | IllegalArgumentException e) {
            throw new IllegalStateException("The schedules could not be read: " + e.getMessage(), e);
        }
        firings.sort(Comparator.comparing(Firing::nextFireAt));
        return firings.size() > limit ? List.copyOf(firings.subList(0, limit)) : firings;
    }
}
