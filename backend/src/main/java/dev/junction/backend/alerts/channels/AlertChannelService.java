package dev.junction.backend.alerts.channels;

import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.InvalidInputException.FieldProblem;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.alerts.channels.AlertChannelRepository;
import dev.junction.db.alerts.channels.AlertOutbox;
import dev.junction.db.alerts.channels.LastDelivery;
import dev.junction.db.alerts.channels.OutboxNotification;
import dev.junction.db.alerts.channels.StoredChannel;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Alert channels (ADMIN, OPERATOR): settings checked against the kind's schema, secrets sealed in the vault and never
 * answered, changes audited by field name (never a value), deletion refused while a rule notifies the channel, and
 * "send test": a {@code test} notification written to the outbox and delivered at once.
 */
public class AlertChannelService {

    static final String ENTITY = "alert_channel";

    private final AlertChannelRepository channels;
    private final ChannelSecrets secrets;
    private final AlertOutbox outbox;
    private final NotificationDelivery delivery;
    private final DispatchSettings dispatch;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    AlertChannelService(AlertChannelRepository channels, ChannelSecrets secrets, AlertOutbox outbox,
                        NotificationDelivery delivery, DispatchSettings dispatch, AuditTrail audit,
                        TransactionTemplate transactions) {
        this.channels = channels;
        this.secrets = secrets;
        this.outbox = outbox;
        this.delivery = delivery;
        this.dispatch = dispatch;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** The kinds of channel with their settings' schemas (what the channel form renders). */
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    public List<ChannelKindView> kinds() {
        return Arrays.stream(ChannelKind.values()).map(kind -> new ChannelKindView(kind.jsonName(), kind.title(),
                kind.settingsSchema())).toList();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Transactional(readOnly = true)
    public List<AlertChannelView> list() {
        Map<UUID, LastDelivery> last = channels.lastDeliveries();
        return channels.all().stream().map(channel -> view(channel, last.get(channel.id()))).toList();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Transactional(readOnly = true)
    public AlertChannelView get(UUID id) {
        return view(stored(id));
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Transactional
    public AlertChannelView create(AlertChannelInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        ChannelKind kind = input.kind() == null ? null : ChannelKind.of(input.kind()).orElse(null);
        if (kind == null) {
            problems.add(new FieldProblem("kind", "must be one of " + ChannelKind.names()));
        }
        checkName(input.name(), null, problems);
        Map<String, Object> settings = Map.of();
        if (kind != null) {
            settings = ChannelSettingsCheck.withDefaults(kind, input.settings());
            ChannelSettingsCheck.settings(kind, settings, problems);
            ChannelSettingsCheck.secrets(kind, input.secrets(), Set.of(), problems);
        }
        throwIfAny(problems);
        UUID id = channels.create(input.name(), kind.jsonName(), settings, !Boolean.FALSE.equals(input.enabled()),
                CurrentUser.name());
        input.secrets().forEach((field, value) -> secrets.put(id, field, value, CurrentUser.name()));
        audit.record("alert_channel.created", ENTITY, id.toString(), Map.of("name", input.name().strip(),
                "kind", kind.jsonName(), "settings", new TreeSet<>(settings.keySet()),
                "secrets", new TreeSet<>(input.secrets().keySet())));
        return view(stored(id));
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Transactional
    public AlertChannelView update(UUID id, AlertChannelInput input) {
        StoredChannel current = stored(id);
        ChannelKind kind = ChannelKind.of(current.kind()).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        if (input.kind() != null && !input.kind().equals(current.kind())) {
            problems.add(new FieldProblem("kind", "cannot change (it is " + current.kind() + "); create a new"
                    + " channel instead"));
        }
        checkName(input.name(), id, problems);
        Map<String, Object> settings = ChannelSettingsCheck.withDefaults(kind, input.settings());
        ChannelSettingsCheck.settings(kind, settings, problems);
        Set<String> stored = current.secrets().stream().map(StoredChannel.SecretState::field)
                .collect(Collectors.toSet());
        ChannelSettingsCheck.secrets(kind, input.secrets(), stored, problems);
        throwIfAny(problems);
        boolean enabled = input.enabled() == null ? current.enabled() : input.enabled();
        List<String> changed = new ArrayList<>();
        if (!current.name().equals(input.name().strip())) {
            changed.add("name");
        }
        if (current.enabled() != enabled) {
            changed.add("enabled");
        }
        new TreeSet<>(union(current.settings().keySet(), settings.keySet())).forEach(name -> {
            if (!Objects.equals(current.settings().get(name), settings.get(name))) {
                changed.add("settings." + name);
            }
        });
        channels.update(id, input.name(), settings, enabled, CurrentUser.name());
        input.secrets().forEach((field, value) -> secrets.put(id, field, value, CurrentUser.name()));
        new TreeSet<>(input.secrets().keySet()).forEach(field -> changed.add("secrets." + field));
        audit.record("alert_channel.updated", ENTITY, id.toString(), Map.of("changed", changed));
        return view(stored(id));
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Transactional
    public void delete(UUID id) {
        StoredChannel channel = stored(id);
        List<String> rules = channels.namesOfRulesUsing(id);
        if (!rules.isEmpty()) {
            throw new ConflictException("id", "The channel '" + channel.name() + "' is used by the alert rule"
                    + (rules.size() == 1 ? " " : "s ") + rules.stream().map(name -> "'" + name + "'")
                    .collect(Collectors.joining(", ")) + ": remove it from "
                    + (rules.size() == 1 ? "that rule" : "those rules") + " first.");
        }
        channels.delete(id);
        audit.record("alert_channel.deleted", ENTITY, id.toString(), Map.of("name", channel.name()));
    }

    /**
     * Writes a {@code test} notification for channel {@code id} to the outbox and delivers it now (even while the
     * channel is disabled, so that it can be tried before it is switched on); answers what happened. Not retried.
     * The row is written already claimed (and committed) before it is sent, so no dispatcher sends it as well.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    public DeliveryResult sendTest(UUID id) {
        StoredChannel channel = channels.find(id).orElseThrow(() -> notFound(id));
        String now = Instant.now().toString();
        AlertMessage message = new AlertMessage(null, null, "Send test", "info", "firing", "test",
                "A test notification from Junction to the channel '" + channel.name() + "'", "alerts/channels",
                1, now, now, null, Map.of("channel", channel.name(), "requestedBy", CurrentUser.name()));
        OutboxNotification row = outbox.insertClaimedTest(id, message.toMap(), dispatch.lease());
        DeliveryResult result = delivery.deliver(row);
        transactions.executeWithoutResult(status -> audit.record("alert_channel.tested", ENTITY, id.toString(),
                Map.of("notification", row.id(), "state", result.state())));
        return result;
    }

    private StoredChannel stored(UUID id) {
        return channels.find(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("There is no alert channel " + id + ".");
    }

    private AlertChannelView view(StoredChannel channel) {
        return view(channel, channels.lastDeliveries().get(channel.id()));
    }

    private static AlertChannelView view(StoredChannel channel, LastDelivery last) {
        Map<String, AlertChannelView.SecretState> states = new LinkedHashMap<>();
        channel.secrets().forEach(secret -> states.put(secret.field(), new AlertChannelView.SecretState(true,
                secret.setBy(), secret.setAt())));
        AlertChannelView.LastDeliveryView lastView = last == null ? null : new AlertChannelView.LastDeliveryView(
                last.id(), last.reason(), last.state(), last.attempts(), last.lastError(), last.createdAt(),
                last.sentAt());
        return new AlertChannelView(channel.id(), channel.name(), channel.kind(), channel.enabled(),
                channel.settings(), states, lastView, channel.createdBy(), channel.createdAt(), channel.updatedBy(),
                channel.updatedAt());
    }

    private void checkName(String name, UUID exceptId, List<FieldProblem> problems) {
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (name.strip().length() > 120) {
            problems.add(new FieldProblem("name", "must be at most 120 characters"));
        } else if (channels.nameTaken(name, exceptId)) {
            problems.add(new FieldProblem("name", "is taken by another alert channel"));
        }
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
