package dev.junction.backend.triggers;

import dev.junction.backend.workflows.WorkflowDeleted;
import dev.junction.backend.workflows.WorkflowPublished;
import dev.junction.db.workflows.WorkflowVersionRepository;
import dev.junction.engine.definition.DefinitionJson;
import dev.junction.engine.definition.Trigger;
import dev.junction.engine.definition.TriggerKind;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;

/**
 * Keeps Quartz in step with the published versions: a published schedule or polling trigger has a cron trigger
 * (clustered: each slot fires on one node only); any other published trigger, or a deleted workflow, has none. A
 * firing missed while no node was running fires once when one is back, not once per missed slot.
 */
@Component
class ScheduleTriggers {

    static final String GROUP = "junction-triggers";
    private static final Logger log = LoggerFactory.getLogger(ScheduleTriggers.class);

    private final Scheduler scheduler;
    private final WorkflowVersionRepository versions;

    ScheduleTriggers(Scheduler scheduler, WorkflowVersionRepository versions) {
        this.scheduler = scheduler;
        this.versions = versions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reconcileAll() throws SchedulerException {
        Set<JobKey> scheduled = scheduler.getJobKeys(org.quartz.impl.matchers.GroupMatcher.jobGroupEquals(GROUP));
        Set<String> wanted = new java.util.HashSet<>();
        versions.published().forEach(version -> {
            Trigger trigger = DefinitionJson.read(version.definitionJson()).trigger();
            if (isTimed(trigger)) {
                wanted.add(version.workflowId().toString());
            }
            follow(version.workflowId(), trigger);
        });
        for (JobKey key : scheduled) {
            if (!wanted.contains(key.getName())) {
                scheduler.deleteJob(key);
            }
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void published(WorkflowPublished event) {
        follow(event.workflowId(), event.trigger());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void deleted(WorkflowDeleted event) {
        try {
            scheduler.deleteJob(JobKey.jobKey(event.workflowId().toString(), GROUP));
        } catch (SchedulerException e) {
            log.warn("Could not remove the schedule of deleted workflow {}", event.workflowId(), e);
        }
    }

    private static boolean isTimed(Trigger trigger) {
        return trigger.kind() == TriggerKind.SCHEDULE || trigger.kind() == TriggerKind.POLLING;
    }

    private void follow(UUID workflowId, Trigger trigger) {
        JobKey jobKey = JobKey.jobKey(workflowId.toString(), GROUP);
        TriggerKey triggerKey = TriggerKey.triggerKey(workflowId.toString(), GROUP);
        try {
            if (!isTimed(trigger)) {
                scheduler.deleteJob(jobKey);
                return;
            }
            String cron = ((String) trigger.config().get("cron")).strip();
            TimeZone zone = TimeZone.getTimeZone(trigger.config().get("timeZone") instanceof String name ? name : "UTC");
            String kind = trigger.kind().jsonName();
            if (scheduler.getTrigger(triggerKey) instanceof CronTrigger existing
                    && existing.getCronExpression().equals(cron)
                    && existing.getTimeZone().getID().equals(zone.getID())
                    && Objects.equals(scheduler.getJobDetail(jobKey).getJobDataMap().getString("kind"), kind)) {
                return;
            }
            JobDetail job = JobBuilder.newJob(TriggerJob.class).withIdentity(jobKey)
                    .usingJobData("workflowId", workflowId.toString())
                    .usingJobData("kind", kind)
                    .storeDurably()
                    .build();
            CronTrigger cronTrigger = TriggerBuilder.newTrigger().withIdentity(triggerKey).forJob(jobKey)
                    .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(zone)
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            scheduler.scheduleJob(job, Set.of(cronTrigger), true);
            log.info("Workflow {}: {} trigger scheduled ({} {})", workflowId, kind, cron, zone.getID());
        } catch (SchedulerException | RuntimeException e) {
            log.warn("Could not schedule the trigger of workflow {}: {}", workflowId, e.getMessage(), e);
        }
    }
}
