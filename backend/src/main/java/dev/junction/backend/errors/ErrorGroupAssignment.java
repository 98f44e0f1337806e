package dev.junction.backend.errors;

import dev.junction.backend.alerts.channels.PublicUrl;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.notifications.EmailSender;
import dev.junction.backend.notifications.SmtpSettings;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.errors.ErrorGroup;
import dev.junction.db.users.UserRepository;
import dev.junction.db.users.UserSummary;
import dev.junction.engine.connectors.ConnectorException;
import org.springframework.core.env.Environment;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Assigning an error group with notification (OPS-4): the assignment is committed first ({@link ErrorGroupService}),
 * then the new assignee — unless they assigned it to themselves — gets a plain-text e-mail with a deep link to the
 * group ({@code <public URL>/errors?group=<id>}) through the installation's SMTP server ({@code JUNCTION_SMTP_*},
 * the one alert e-mail channels and notify nodes use). Without an address or an SMTP server the assignment still
 * holds and the answer says why nobody was e-mailed. Both outcomes are audited ({@code error_group.assignee_notified},
 * {@code error_group.assignee_not_notified}).
 */
@Service
public class ErrorGroupAssignment {

    private final boolean enabled;
    private final ErrorGroupService groups;
    private final UserRepository users;
    private final SmtpSettings smtp;
    private final EmailSender email;
    private final PublicUrl publicUrl;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    ErrorGroupAssignment(ErrorGroupService groups, UserRepository users, SmtpSettings smtp, Environment environment,
                         AuditTrail audit, PlatformTransactionManager transactions) {
        this.transactions = new TransactionTemplate(transactions);
        this.enabled = environment.getProperty("junction.errors.assignment-email", Boolean.class, true);
        this.groups = groups;
        this.users = users;
        this.smtp = smtp;
        this.email = new EmailSender(smtp);
        this.publicUrl = new PublicUrl(environment);
        this.audit = audit;
    }

    /** The group after the assignment, and what the assignee was told. */
    public record Assigned(ErrorGroup group, AssigneeEmail assigneeEmail) {
    }

    /** Assigns the group to {@code username} (null or blank: to nobody) and e-mails the new assignee. */
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    public Assigned assign(UUID id, String username) {
        String previous = groups.get(id).group().assignee();
        ErrorGroup group = groups.assign(id, username);
        return new Assigned(group, notifyAssignee(group, previous));
    }

    private AssigneeEmail notifyAssignee(ErrorGroup group, String previous) {
        String assignee = group.assignee();
        if (assignee == null) {
            return AssigneeEmail.none(null, "Nobody is assigned");
        }
        if (assignee.equals(UserRepository.normalize(CurrentUser.name()))) {
            return AssigneeEmail.none(assignee, "You assigned it to yourself: nobody was e-mailed");
        }
        if (Objects.equals(assignee, previous)) {
            return AssigneeEmail.none(assignee, "'" + assignee + "' was assigned already: nobody was e-mailed again");
        }
        UserSummary user = users.summary(assignee).orElse(null);
        AssigneeEmail outcome;
        if (!enabled) {
            outcome = new AssigneeEmail(AssigneeEmail.NOT_SENT, assignee, null, "e-mails to assignees are switched"
                    + " off (JUNCTION_ERRORS_ASSIGNMENT_EMAIL=false)");
        } else if (user == null || user.email() == null) {
            outcome = new AssigneeEmail(AssigneeEmail.NOT_SENT, assignee, null, "'" + assignee + "' has no e-mail"
                    + " address (an ADMIN sets one in Users)");
        } else if (smtp.whatIsMissing().isPresent()) {
            outcome = new AssigneeEmail(AssigneeEmail.NOT_SENT, assignee, user.email(), smtp.whatIsMissing().get());
        } else {
            outcome = send(group, user);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("assignee", assignee);
        if (outcome.to() != null) {
            details.put("to", outcome.to());
        }
        if (outcome.reason() != null) {
            details.put("reason", outcome.reason());
        }
        // after the e-mail, in a transaction of its own (the assignment's is committed)
        transactions.executeWithoutResult(status -> audit.record(outcome.outcome().equals(AssigneeEmail.SENT)
                ? "error_group.assignee_notified" : "error_group.assignee_not_notified", ErrorGroupService.ENTITY,
                group.id().toString(), details));
        return outcome;
    }

    private AssigneeEmail send(ErrorGroup group, UserSummary user) {
        String link = publicUrl.absolute(link(group.id()));
        String by = CurrentUser.name();
        String subject = "[Junction] Error group assigned to you: " + group.errorClass() + " in "
                + group.workflowName();
        String text = by + " assigned you an error group in Junction.\n\n"
                + "Workflow: " + group.workflowName() + "\n"
                + "Step: " + (group.nodeId() == null ? "?" : group.nodeId()) + "\n"
                + "Error: " + group.errorClass() + " (" + group.category() + ")\n"
                + "Message: " + group.sampleMessage() + "\n"
                + "Failures: " + group.failures() + " (" + group.openFailures() + " unresolved), first "
                + group.firstSeenAt().toInstant() + ", last " + group.lastSeenAt().toInstant() + "\n\n"
                + "Open the group: " + link + "\n";
        try {
            email.send(text, Map.of("to", user.email(), "subject", subject),
                    "error-group-assigned-" + group.id() + "-" + System.currentTimeMillis());
            return new AssigneeEmail(AssigneeEmail.SENT, user.username(), user.email(), null);
        } catch (ConnectorException e) {
            return new AssigneeEmail(AssigneeEmail.NOT_SENT, user.username(), user.email(), e.getMessage());
        }
    }

    /** The UI path of a group: the error inbox opened on it. */
    public static String link(UUID groupId) {
        return "errors?group=" + groupId;
    }
}
