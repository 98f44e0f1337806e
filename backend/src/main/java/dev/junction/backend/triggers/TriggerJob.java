package dev.junction.backend.triggers;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.UUID;

/**
 * The Quartz job of a schedule or polling trigger (one per workflow). Never two at once for one workflow, across
 * the cluster. Spring's job factory hands it {@link TriggerFirings} and the job data (workflowId, kind).
 */
@DisallowConcurrentExecution
public class TriggerJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(TriggerJob.class);

    private TriggerFirings firings;
    private String workflowId;
    private String kind;

    public void setFirings(TriggerFirings firings) {
        this.firings = firings;
    }

    public void setWorkflowId(String workflowId) {
        this.workflowId = workflowId;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    @Override
    public void execute(JobExecutionContext context) {
        UUID id = UUID.fromString(workflowId);
        try {
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
