package dev.junction.backend.connections;

import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.InvalidInputException.FieldProblem;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.credentials.VaultException;
import dev.junction.backend.security.CurrentUser;
import dev.junction.backend.workflows.PublishedWorkflowNodes;
import dev.junction.db.connections.ConnectionRepository;
import dev.junction.db.connections.StoredConnection;
import dev.junction.engine.connectors.ConnectionCheck;
import dev.junction.engine.connectors.Connector;
import dev.junction.engine.connectors.ConnectorCatalog;
import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.SettingField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Connections: one account of one connector each. Settings are checked against the connector's descriptor;
 * secrets are sealed by the vault and never answered; changes are audited by field name, never by value; a
 * connection a published workflow uses cannot be deleted.
 */
@Service
public class ConnectionService {

    static final String ENTITY = "connection";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final int MAX_VALUE_LENGTH = 4_000;
    private static final int MIN_SECRET_LENGTH = 4;

    private static final Logger log = LoggerFactory.getLogger(ConnectionService.class);

    private final ConnectionRepository connections;
    private final ConnectorCatalog catalog;
    private final ConnectionSecrets secrets;
    private final PublishedWorkflowNodes publishedNodes;
    private final AuditTrail audit;

    ConnectionService(ConnectionRepository connections, ConnectorCatalog catalog, ConnectionSecrets secrets,
                      PublishedWorkflowNodes publishedNodes, AuditTrail audit) {
        this.connections = connections;
        this.catalog = catalog;
        this.secrets = secrets;
        this.publishedNodes = publishedNodes;
        this.audit = audit;
    }

    /**
     * The installed connectors' descriptions (what a connection form is generated from), by name. The UI gets
     * these, never the connectors themselves, whose calls reach remote systems.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'DESIGNER')")
    public List<ConnectorDescriptor> connectors() {
        return catalog.all().stream().map(Connector::descriptor)
                .sorted(Comparator.comparing(ConnectorDescriptor::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** The description of the installed connector {@code connectorId}; empty when it is not installed. */
    @PreAuthorize("hasAnyRole('ADMIN', 'DESIGNER')")
    public Optional<ConnectorDescriptor> connector(String connectorId) {
        return catalog.find(connectorId).map(Connector::descriptor);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'DESIGNER')")
    @Transactional(readOnly = true)
    public List<ConnectionView> list() {
        return connections.all().stream().map(this::view).toList();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'DESIGNER')")
    @Transactional(readOnly = true)
    public ConnectionView get(String id) {
        return view(stored(id));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ConnectionView create(ConnectionInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input.id() == null || !ID.matcher(input.id()).matches()) {
            problems.add(new FieldProblem("id", "must be 1 to 63 lower-case letters, digits and dashes, starting"
                    + " with a letter or digit"));
        }
        Optional<Connector> connector = input.connectorId() == null ? Optional.empty()
                : catalog.find(input.connectorId());
        if (connector.isEmpty()) {
            problems.add(new FieldProblem("connectorId", "must be one of " + connectorIds()));
        }
        checkNameAndEnvironment(input, null, problems);
        Map<String, String> settings = connector.map(c -> settings(c.descriptor(), input.settings(), problems))
                .orElse(Map.of());
        connector.ifPresent(c -> checkTogether(c, settings, problems));
        connector.ifPresent(c -> checkSecrets(c.descriptor(), input.secrets(), input.settings(), true, problems));
        throwIfAny(problems);
        if (!connections.create(input.id(), input.name(), input.connectorId(), input.environment(), settings,
                CurrentUser.name())) {
            throw new ConflictException("id", "A connection with the id '" + input.id() + "' exists already.");
        }
        input.secrets().forEach((field, value) -> seal(input.id(), field, value));
        audit.record("connection.created", ENTITY, input.id(), Map.of("name", input.name().strip(),
                "connector", input.connectorId(), "environment", input.environment(),
                "settings", new TreeSet<>(settings.keySet()), "secrets", new TreeSet<>(input.secrets().keySet())));
        return view(stored(input.id()));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ConnectionView update(String id, ConnectionInput input) {
        StoredConnection current = stored(id);
        ConnectorDescriptor descriptor = descriptor(current);
        List<FieldProblem> problems = new ArrayList<>();
        if (input.id() != null && !input.id().equals(id)) {
            problems.add(new FieldProblem("id", "cannot change (it is " + id + "); leave it out or send the same id"));
        }
        if (input.connectorId() != null && !input.connectorId().equals(current.connectorId())) {
            problems.add(new FieldProblem("connectorId", "cannot change (it is " + current.connectorId()
                    + "); create a new connection instead"));
        }
        checkNameAndEnvironment(input, id, problems);
        Map<String, String> settings = settings(descriptor, input.settings(), problems);
        catalog.find(current.connectorId()).ifPresent(c -> checkTogether(c, settings, problems));
        checkSecrets(descriptor, input.secrets(), settings, false, problems);
        throwIfAny(problems);
        List<String> changed = new ArrayList<>();
        if (!current.name().equals(input.name().strip())) {
            changed.add("name");
        }
        if (!current.environment().equals(input.environment())) {
            changed.add("environment");
        }
        new TreeSet<>(union(current.settings().keySet(), settings.keySet())).forEach(name -> {
            if (!Objects.equals(current.settings().get(name), settings.get(name))) {
                changed.add("settings." + name);
            }
        });
        connections.update(id, input.name(), input.environment(), settings, CurrentUser.name());
        input.secrets().forEach((field, value) -> seal(id, field, value));
        new TreeSet<>(input.secrets().keySet()).forEach(field -> changed.add("secrets." + field));
        audit.record("connection.updated", ENTITY, id, Map.of("changed", changed));
        return view(stored(id));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void delete(String id) {
        stored(id);
        List<String> users = publishedNodes.namesOfWorkflowsUsingConnection(id);
        if (!users.isEmpty()) {
            throw new ConflictException("id", "Connection '" + id + "' is used by the published version of "
                    + String.join(", ", users) + ": change those workflows first.");
        }
        connections.delete(id);
        audit.record("connection.deleted", ENTITY, id, Map.of());
    }

    /** Runs the connector's connection test and records that it was run (and its stage, never a secret). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ConnectionCheck test(String id) {
        StoredConnection connection = stored(id);
        Connector connector = catalog.find(connection.connectorId()).orElseThrow(() -> new ConflictException(
                "connectorId", "connector '" + connection.connectorId() + "' is not installed"));
        VaultConnectionAccess access = new VaultConnectionAccess(connection, secrets);
        ConnectionCheck check = undecryptableSecret(connection).orElse(null);
        if (check == null) {
            try {
                check = connector.test(access);
            } catch (VaultException e) {
                check = undecryptable("a stored secret");
            } catch (RuntimeException bug) {
                String reference = UUID.randomUUID().toString();
                log.error("The connection test of {} failed (reference {})", id, reference, bug);
                check = ConnectionCheck.failed(ConnectionCheck.Stage.REMOTE, "the connection test failed"
                        + " unexpectedly; the server log has the details under reference " + reference);
            }
        }
        ConnectionCheck redacted = new ConnectionCheck(check.stage(), Redaction.text(check.message(),
                access.revealed()));
        audit.record("connection.tested", ENTITY, id, Map.of("stage", redacted.stage().name()));
        return redacted;
    }

    /**
     * A failed check at stage SETTINGS when a stored secret no longer decrypts (its ciphertext was changed outside
     * Junction, or this instance runs with another master key): no call is made with a secret that cannot be read.
     */
    private Optional<ConnectionCheck> undecryptableSecret(StoredConnection connection) {
        for (StoredConnection.SecretState state : connection.secrets()) {
            try {
                secrets.open(connection.id(), state.field());
            } catch (VaultException e) {
                return Optional.of(undecryptable("the stored secret '" + state.field() + "'"));
            }
        }
        return Optional.empty();
    }

    private static ConnectionCheck undecryptable(String which) {
        return ConnectionCheck.failed(ConnectionCheck.Stage.SETTINGS, which + " could not be decrypted: it was"
                + " changed outside Junction (altered, or copied from another connection or field), or the master"
                + " key is not the one it was sealed with. Enter the secret again (or start Junction with the right"
                + " master key).");
    }

    private void seal(String connectionId, String field, String value) {
        secrets.put(connectionId, field, value, CurrentUser.name());
    }

    private void checkNameAndEnvironment(ConnectionInput input, String exceptId, List<FieldProblem> problems) {
        if (input.name() == null || input.name().isBlank() || input.name().strip().length() > 120) {
            problems.add(new FieldProblem("name", "must be 1 to 120 characters"));
        } else if (connections.nameTaken(input.name(), exceptId)) {
            problems.add(new FieldProblem("name", "is used by another connection"));
        }
        if (!"sandbox".equals(input.environment()) && !"production".equals(input.environment())) {
            problems.add(new FieldProblem("environment", "must be sandbox or production"));
        }
    }

    /** The plain settings to store: given values checked, defaults for the rest. */
    private static Map<String, String> settings(ConnectorDescriptor descriptor, Map<String, String> given,
                                                List<FieldProblem> problems) {
        Map<String, String> settings = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            Optional<SettingField> field = descriptor.setting(name);
            if (field.isEmpty() && name.equals(RateLimitOverrides.SETTING)) {
                rateLimits(descriptor, value, problems).ifPresent(json -> settings.put(name, json));
            } else if (field.isEmpty() && name.equals(ConnectionConcurrency.SETTING)) {
                ConnectionConcurrency.check(value, problems).ifPresent(limit -> settings.put(name, limit));
            } else if (field.isEmpty()) {
                problems.add(new FieldProblem("settings." + name, "is not a setting of " + descriptor.name()
                        + "; its settings are " + plainSettingNames(descriptor)));
            } else if (field.get().secret()) {
                problems.add(new FieldProblem("settings." + name, "is a secret: send it in 'secrets'"));
            }
        });
        for (SettingField field : descriptor.settings()) {
            if (field.secret()) {
                continue;
            }
            String path = "settings." + field.name();
            if (!descriptor.applies(field, given)) {
                // a setting of another choice (its x-dependsOn is not met): neither required nor checked, kept
                String value = given.get(field.name());
                if (value != null && value.length() > MAX_VALUE_LENGTH) {
                    problems.add(new FieldProblem(path, "must be at most " + MAX_VALUE_LENGTH + " characters"));
                } else if (value != null && !value.isBlank()) {
                    settings.put(field.name(), value.strip());
                }
                continue;
            }
            String value = given.containsKey(field.name()) ? given.get(field.name()) : field.defaultValue();
            if (value == null || value.isBlank()) {
                if (field.required()) {
                    problems.add(new FieldProblem(path, "is required"));
                }
                continue;
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                problems.add(new FieldProblem(path, "must be at most " + MAX_VALUE_LENGTH + " characters"));
            } else if (field.type() == SettingField.Type.CHOICE && !field.choiceValues().contains(value)) {
                problems.add(new FieldProblem(path, "must be one of " + field.choices().stream()
                        .map(choice -> choice.label().equals(choice.value()) ? choice.value()
                                : choice.label() + " (" + choice.value() + ")").toList() + ", got '" + value + "'"));
            } else if (field.type() == SettingField.Type.URL && !isHttpUrl(value)) {
                problems.add(new FieldProblem(path, "must be an http or https URL"));
            } else if (field.type() == SettingField.Type.NUMBER && !value.strip().matches("-?\\d+(\\.\\d+)?")) {
                problems.add(new FieldProblem(path, "must be a number"));
            }
            settings.put(field.name(), value.strip());
        }
        return settings;
    }

    /** The connection's own rate limits, checked and in their stored form; empty when blank or wrong. */
    private static Optional<String> rateLimits(ConnectorDescriptor descriptor, String value,
                                               List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            problems.add(new FieldProblem("settings." + RateLimitOverrides.SETTING, "must be at most "
                    + MAX_VALUE_LENGTH + " characters"));
            return Optional.empty();
        }
        int before = problems.size();
        RateLimitOverrides overrides = RateLimitOverrides.read(value, descriptor, problems);
        return problems.size() == before && !overrides.limits().isEmpty() ? Optional.of(overrides.toJson())
                : Optional.empty();
    }

    private static void checkSecrets(ConnectorDescriptor descriptor, Map<String, String> given,
                                     Map<String, String> plainSettings, boolean creating,
                                     List<FieldProblem> problems) {
        given.forEach((name, value) -> {
            Optional<SettingField> field = descriptor.setting(name).filter(SettingField::secret);
            if (field.isEmpty()) {
                problems.add(new FieldProblem("secrets." + name, "is not a secret of " + descriptor.name()
                        + "; its secrets are " + descriptor.settings().stream().filter(SettingField::secret)
                        .map(SettingField::name).toList()));
            } else if (value == null || value.strip().length() < MIN_SECRET_LENGTH) {
                problems.add(new FieldProblem("secrets." + name, "must be at least " + MIN_SECRET_LENGTH
                        + " characters"));
            } else if (value.length() > MAX_VALUE_LENGTH) {
                problems.add(new FieldProblem("secrets." + name, "must be at most " + MAX_VALUE_LENGTH
                        + " characters"));
            }
        });
        if (creating) {
            descriptor.settings().stream().filter(field -> field.secret() && field.required()
                            && !given.containsKey(field.name())
                            && descriptor.applies(field, plainSettings == null ? Map.of() : plainSettings))
                    .forEach(field -> problems.add(new FieldProblem("secrets." + field.name(),
                            "is required")));
        }
    }

    private ConnectionView view(StoredConnection connection) {
        Optional<ConnectorDescriptor> descriptor = catalog.find(connection.connectorId()).map(Connector::descriptor);
        Map<String, StoredConnection.SecretState> states = new LinkedHashMap<>();
        connection.secrets().forEach(state -> states.put(state.field(), state));
        List<ConnectionView.SecretField> secrets = new ArrayList<>();
        descriptor.ifPresent(d -> d.settings().stream().filter(SettingField::secret).forEach(field -> {
            StoredConnection.SecretState state = states.get(field.name());
            secrets.add(new ConnectionView.SecretField(field.name(), field.label(), field.required(), state != null,
                    state == null ? null : state.setBy(), state == null ? null : state.setAt()));
        }));
        return new ConnectionView(connection.id(), connection.name(), connection.connectorId(),
                descriptor.map(ConnectorDescriptor::name).orElse(connection.connectorId() + " (not installed)"),
                connection.environment(), connection.settings(), secrets, connection.createdBy(),
                connection.createdAt(), connection.updatedBy(), connection.updatedAt());
    }

    private StoredConnection stored(String id) {
        return connections.find(id).orElseThrow(() -> new NotFoundException("There is no connection '" + id + "'."));
    }

    /**
     * The connector's own check of the settings taken together (e.g. an HTTP base URL with a user name in it, a
     * default header with a line break): what every call would refuse is refused at save, naming the setting. Run
     * only when each field passed its own rules.
     */
    private static void checkTogether(Connector connector, Map<String, String> settings, List<FieldProblem> problems) {
        if (problems.stream().anyMatch(problem -> problem.field().startsWith("settings."))) {
            return;
        }
        connector.settingsProblems(settings).forEach(problem -> problems.add(new FieldProblem(
                problem.setting().isEmpty() ? "settings" : "settings." + problem.setting(), problem.message())));
    }

    private ConnectorDescriptor descriptor(StoredConnection connection) {
        return catalog.find(connection.connectorId()).map(Connector::descriptor).orElseThrow(() ->
                new ConflictException("connectorId", "connector '" + connection.connectorId()
                        + "' is not installed"));
    }

    private List<String> connectorIds() {
        return catalog.all().stream().map(connector -> connector.descriptor().id()).toList();
    }

    private static List<String> plainSettingNames(ConnectorDescriptor descriptor) {
        return descriptor.settings().stream().filter(field -> !field.secret()).map(SettingField::name).toList();
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value.strip());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
