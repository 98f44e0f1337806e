package dev.junction.backend.anomalies;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.InvalidInputException.FieldProblem;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.amounts.AmountSettings;
import dev.junction.db.amounts.AmountSettingsRepository;
import dev.junction.db.workflows.WorkflowRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a workflow's business amount is: each run that succeeds records it as it ends (in the ending's transaction,
 * V36), and the rollups add it up by hour — what the order value, refund share and settlement fee flags read. Read
 * by every signed-in role, changed by ADMIN and DESIGNER (audited). Bad input is refused naming the field.
 */
@Service
public class BusinessAmountService {

    static final Set<String> KINDS = Set.of("sale", "refund", "settlement", "sign", "expression");
    private static final String MAY_CHANGE = "hasAnyRole('ADMIN', 'DESIGNER')";
    private static final Pattern PATH = Pattern.compile(
            "(trigger(\\.[A-Za-z0-9_$@-]+)*|nodes\\.[A-Za-z0-9_-]+(\\.[A-Za-z0-9_$@-]+)*)");
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

    private final AmountSettingsRepository settings;
    private final WorkflowRepository workflows;
    private final AuditTrail audit;

    BusinessAmountService(AmountSettingsRepository settings, WorkflowRepository workflows, AuditTrail audit) {
        this.settings = settings;
        this.workflows = workflows;
        this.audit = audit;
    }

    /**
     * The settings as typed: {@code amount} an expression ({@code trigger.amount.totalAmount},
     * {@code nodes.<step>.<path>}, {@code lines[0]} written either way, {@code {{ }}} allowed); {@code kind}
     * {@code sale} (default), {@code refund}, {@code settlement}, {@code sign} or {@code expression} (then
     * {@code kindExpression}); {@code currency} an ISO 4217 code or an expression; {@code fee} an expression
     * (settlements only); {@code minorUnits} whether values are pence/cents.
     */
    public record AmountInput(String amount, String kind, String kindExpression, String currency, String fee,
                              Boolean minorUnits) {
    }

    public boolean currentUserMayChange() {
        return CurrentUser.hasAnyRole(dev.junction.db.users.Role.ADMIN, dev.junction.db.users.Role.DESIGNER);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<AmountSettings> of(UUID workflowId) {
        requireWorkflow(workflowId);
        return settings.find(workflowId);
    }

    @PreAuthorize(MAY_CHANGE)
    @Transactional
    public AmountSettings save(UUID workflowId, AmountInput input) {
        requireWorkflow(workflowId);
        AmountSettings parsed = parse(input);
        settings.save(workflowId, parsed, CurrentUser.name());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("amount", parsed.amountExpression());
        details.put("kind", parsed.kind());
        details.put("currency", parsed.currency() != null ? parsed.currency() : parsed.currencyExpression());
        audit.record("workflow.amounts_set", "workflow", workflowId.toString(), details);
        return parsed;
    }

    @PreAuthorize(MAY_CHANGE)
    @Transactional
    public void remove(UUID workflowId) {
        requireWorkflow(workflowId);
        if (settings.delete(workflowId)) {
            audit.record("workflow.amounts_removed", "workflow", workflowId.toString(), Map.of());
        }
    }

    /** The settings {@code input} asks for, or every problem with it, each naming its field. */
    static AmountSettings parse(AmountInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        String amount = expression("amount", input.amount(), true, problems);
        String kind = input.kind() == null || input.kind().isBlank() ? "sale"
                : input.kind().strip().toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            problems.add(new FieldProblem("kind", "must be one of sale, refund, settlement, sign, expression; was '"
                    + input.kind().strip() + "'"));
        }
        String kindExpression = expression("kindExpression", input.kindExpression(), "expression".equals(kind),
                problems);
        if (kindExpression != null && !"expression".equals(kind)) {
            problems.add(new FieldProblem("kindExpression", "is only read when kind is 'expression'"));
        }
        String currency = null;
        String currencyExpression = null;
        String typed = input.currency() == null ? "" : input.currency().strip();
        if (typed.isEmpty()) {
            problems.add(new FieldProblem("currency", "is required: an ISO 4217 code like GBP, or an expression like"
                    + " trigger.amount.currency"));
        } else if (CURRENCY.matcher(typed).matches()) {
            currency = typed.toUpperCase(Locale.ROOT);
        } else {
            currencyExpression = expression("currency", typed, true, problems);
        }
        String fee = expression("fee", input.fee(), false, problems);
        if (fee != null && !"settlement".equals(kind)) {
            problems.add(new FieldProblem("fee", "is only read when kind is 'settlement'"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new AmountSettings(amount, kind, kindExpression, currency, currencyExpression, fee,
                Boolean.TRUE.equals(input.minorUnits()));
    }

    /** An expression as stored: {@code {{ }}} and spaces removed, {@code [n]} as {@code .n}; null when empty. */
    private static String expression(String field, String typed, boolean required, List<FieldProblem> problems) {
        String text = typed == null ? "" : typed.strip();
        if (text.startsWith("{{") && text.endsWith("}}")) {
            text = text.substring(2, text.length() - 2).strip();
        }
        text = text.replaceAll("\\[(\\d+)]", ".$1");
        if (text.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(field, "is required: a path like trigger.amount.totalAmount or"
                        + " nodes.<step id>.<field>"));
            }
            return null;
        }
        if (text.length() > 300 || !PATH.matcher(text).matches()) {
            problems.add(new FieldProblem(field, "must be a path like trigger.amount.totalAmount or nodes.<step id>"
                    + ".<field> (names joined by dots, array items as [0]); was '" + typed.strip() + "'"));
            return null;
        }
        return text;
    }

    private void requireWorkflow(UUID workflowId) {
        if (workflows.find(workflowId).isEmpty()) {
            throw new NotFoundException("No workflow " + workflowId);
        }
    }
}
