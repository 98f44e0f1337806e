package dev.junction.backend.triggers;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.UUID;

/**
 * The Quartz job of a schedule or polling trigger (one per workflow; job data: workflowId, kind). Never two at once
 * for one workflow, across the cluster. Made by {@link TriggerJobFactory}.
 */
@DisallowConcurrentExecution
public class TriggerJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(TriggerJob.class);

    private final TriggerFirings firings;

    TriggerJob(TriggerFirings firings) {
        this.firings = firings;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String workflowId = context.getMergedJobDataMap().getString("workflowId");
        String kind = context.getMergedJobDataMap().getString("kind");
        try {
            UUID id = UUID.fromString(workflowId);
            if ("polling".equals(kind)) {
                firings.poll(id);
            } else {
                firings.fireSchedule(id, context.getScheduledFireTime() == null ? null
                        : context.getScheduledFireTime().toInstant(), Instant.now());
            }
        } catch (RuntimeException e) {
            // a failed firing must not unschedule the trigger: log it; the next firing tries again
            log.warn("The {} trigger of workflow {} failed: {}", kind, workflowId, e.getMessage(), e);
        }
    }
}
