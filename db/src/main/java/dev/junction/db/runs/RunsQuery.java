package dev.junction.db.runs;

import dev.junction.engine.runs.ErrorCategory;
import dev.junction.engine.runs.RunStatus;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The runs list's filters as its URL carries them — the ONE way to build a link to a filtered runs list
 * ({@link #toPath()}, e.g. {@code runs?status=dead_lettered,failed&workflow=<uuid>}) and to read one back
 * ({@link #parse(Map)}). Every field may be null (no condition); an empty status set is no condition too.
 *
 * <p>Parameters: {@code status} (run status json names, comma-separated, case-insensitive), {@code workflow}
 * (uuid), {@code version} (number), {@code trigger} (trigger kind), {@code from}/{@code to} (ISO-8601 instants of
 * creation; from inclusive, to exclusive), {@code connection} (connection id: runs whose workflow version uses it),
 * {@code errorClass}, {@code category} ({@link ErrorCategory#jsonName()}), {@code businessKey} (exact),
 * {@code view} (a saved view's id).
 */
public record RunsQuery(Set<RunStatus> statuses, UUID workflow, Integer version, String trigger, Instant from,
                        Instant to, String connection, String errorClass, ErrorCategory category,
                        String businessKey, UUID view) {

    public static final String PATH = "runs";
    public static final String STATUS = "status";
    public static final String WORKFLOW = "workflow";
    public static final String VERSION = "version";
    public static final String TRIGGER = "trigger";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String CONNECTION = "connection";
    public static final String ERROR_CLASS = "errorClass";
    public static final String CATEGORY = "category";
    public static final String BUSINESS_KEY = "businessKey";
    public static final String VIEW = "view";

    public RunsQuery {
        statuses = statuses == null || statuses.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(statuses));
        trigger = blankToNull(trigger);
        connection = blankToNull(connection);
        errorClass = blankToNull(errorClass);
        businessKey = blankToNull(businessKey);
    }

    /** No filter: every run. */
    public static RunsQuery all() {
        return new RunsQuery(null, null, null, null, null, null, null, null, null, null, null);
    }

    public static RunsQuery ofStatuses(RunStatus... statuses) {
        return all().withStatuses(Set.of(statuses));
    }

    public static RunsQuery ofWorkflow(UUID workflow) {
        return all().withWorkflow(workflow);
    }

    public RunsQuery withStatuses(Set<RunStatus> value) {
        return new RunsQuery(value, workflow, version, trigger, from, to, connection, errorClass, category,
                businessKey, view);
    }

    public RunsQuery withWorkflow(UUID value) {
        return new RunsQuery(statuses, value, version, trigger, from, to, connection, errorClass, category,
                businessKey, view);
    }

    public RunsQuery withVersion(Integer value) {
        return new RunsQuery(statuses, workflow, value, trigger, from, to, connection, errorClass, category,
                businessKey, view);
    }

    public RunsQuery withTrigger(String value) {
        return new RunsQuery(statuses, workflow, version, value, from, to, connection, errorClass, category,
                businessKey, view);
    }

    /** Runs created in [from, to); either may be null. */
    public RunsQuery withTime(Instant fromValue, Instant toValue) {
        return new RunsQuery(statuses, workflow, version, trigger, fromValue, toValue, connection, errorClass,
                category, businessKey, view);
    }

    public RunsQuery withConnection(String value) {
        return new RunsQuery(statuses, workflow, version, trigger, from, to, value, errorClass, category,
                businessKey, view);
    }

    public RunsQuery withErrorClass(String value) {
        return new RunsQuery(statuses, workflow, version, trigger, from, to, connection, value, category,
                businessKey, view);
    }

    public RunsQuery withCategory(ErrorCategory value) {
        return new RunsQuery(statuses, workflow, version, trigger, from, to, connection, errorClass, value,
                businessKey, view);
    }

    public RunsQuery withBusinessKey(String value) {
        return new RunsQuery(statuses, workflow, version, trigger, from, to, connection, errorClass, category,
                value, view);
    }

    public RunsQuery withView(UUID value) {
        return new RunsQuery(statuses, workflow, version, trigger, from, to, connection, errorClass, category,
                businessKey, value);
    }

    /** The UI path of the runs list filtered by this query: {@code runs} or {@code runs?status=failed&...}. */
    public String toPath() {
        String query = toQueryString();
        return query.isEmpty() ? PATH : PATH + "?" + query;
    }

    /** The query string (without {@code ?}), parameters in a fixed order, values URL-encoded. */
    public String toQueryString() {
        return parameters().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** The parameters this query sets, in a fixed order (for Vaadin's {@code QueryParameters.simple}). */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (!statuses.isEmpty()) {
            parameters.put(STATUS, statuses.stream().sorted().map(RunStatus::jsonName)
                    .collect(Collectors.joining(",")));
        }
        put(parameters, WORKFLOW, workflow);
        put(parameters, VERSION, version);
        put(parameters, TRIGGER, trigger);
        put(parameters, FROM, from);
        put(parameters, TO, to);
        put(parameters, CONNECTION, connection);
        put(parameters, ERROR_CLASS, errorClass);
        put(parameters, CATEGORY, category == null ? null : category.jsonName());
        put(parameters, BUSINESS_KEY, businessKey);
        put(parameters, VIEW, view);
        return parameters;
    }

    /** Whether no filter is set (a {@code view} alone counts as no filter). */
    public boolean isEmpty() {
        return withView(null).equals(all());
    }

    /** The database filter of this query (its {@code view} is not a filter). */
    public RunFilter toFilter() {
        return new RunFilter(workflow, statuses.isEmpty() ? null : statuses, businessKey, null, errorClass,
                from == null ? null : from.atOffset(ZoneOffset.UTC), to == null ? null : to.atOffset(ZoneOffset.UTC),
                version, trigger, connection, category);
    }

    /**
     * Reads a query from URL parameters (e.g. Vaadin's {@code QueryParameters.getParameters()}, Spring's request
     * parameter map); unknown parameters are ignored, blank ones are no condition.
     *
     * @throws InvalidRunsQuery naming every parameter that is not what it must be
     */
    public static RunsQuery parse(Map<String, ? extends Collection<String>> parameters) {
        List<Problem> problems = new ArrayList<>();
        RunsQuery query = parse(parameters, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRunsQuery(problems);
        }
        return query;
    }

    /** Parses a query string ({@code status=failed&workflow=...}, with or without a leading {@code runs?}). */
    public static RunsQuery parse(String queryString) {
        String query = queryString == null ? "" : queryString;
        int mark = query.indexOf('?');
        if (mark >= 0) {
            query = query.substring(mark + 1);
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, any -> new ArrayList<>()).add(value);
        }
        return parse(parameters);
    }

    /**
     * Reads what it can: every parameter that is not what it must be adds a {@link Problem} to {@code problems}
     * and is left out of the query (the UI shows the rest and says what it dropped).
     */
    public static RunsQuery parse(Map<String, ? extends Collection<String>> parameters, List<Problem> problems) {
        Set<RunStatus> statuses = EnumSet.noneOf(RunStatus.class);
        first(parameters, STATUS).ifPresent(value -> {
            for (String name : value.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                Optional<RunStatus> status = RunStatus.fromJson(name.strip().toLowerCase(Locale.ROOT));
                if (status.isPresent()) {
                    statuses.add(status.get());
                } else {
                    problems.add(new Problem(STATUS, "must be one or more of " + Arrays.stream(RunStatus.values())
                            .map(RunStatus::jsonName).collect(Collectors.joining(", "))
                            + " (comma-separated), was '" + name.strip() + "'"));
                }
            }
        });
        UUID workflow = first(parameters, WORKFLOW).map(value -> uuid(WORKFLOW, value, problems)).orElse(null);
        Integer version = first(parameters, VERSION).map(value -> {
            try {
                int number = Integer.parseInt(value);
                if (number >= 1) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(new Problem(VERSION, "must be a version number (1 or more), was '" + value + "'"));
            return null;
        }).orElse(null);
        Instant from = first(parameters, FROM).map(value -> instant(FROM, value, problems)).orElse(null);
        Instant to = first(parameters, TO).map(value -> instant(TO, value, problems)).orElse(null);
        if (from != null && to != null && from.isAfter(to)) {
            problems.add(new Problem(FROM, "must not be after to (" + to + "), was " + from));
            problems.add(new Problem(TO, "must not be before from (" + from + "), was " + to));
            from = null;
            to = null;
        }
        ErrorCategory category = first(parameters, CATEGORY).map(value -> {
            ErrorCategory named = ErrorCategory.fromJson(value);
            if (named == null) {
                problems.add(new Problem(CATEGORY, "must be one of " + Arrays.stream(ErrorCategory.values())
                        .map(ErrorCategory::jsonName).collect(Collectors.joining(", ")) + ", was '" + value + "'"));
            }
            return named;
        }).orElse(null);
        UUID view = first(parameters, VIEW).map(value -> uuid(VIEW, value, problems)).orElse(null);
        return new RunsQuery(statuses, workflow, version, first(parameters, TRIGGER).orElse(null), from, to,
                first(parameters, CONNECTION).orElse(null), first(parameters, ERROR_CLASS).orElse(null), category,
                first(parameters, BUSINESS_KEY).orElse(null), view);
    }

    /** One parameter that is not what it must be. */
    public record Problem(String parameter, String expectation) {
        @Override
        public String toString() {
            return parameter + ": " + expectation;
        }
    }

    /** A runs query with parameters that are not what they must be. */
    public static class InvalidRunsQuery extends IllegalArgumentException {

        private final List<Problem> problems;

        public InvalidRunsQuery(List<Problem> problems) {
            super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private static Optional<String> first(Map<String, ? extends Collection<String>> parameters, String name) {
        Collection<String> values = parameters.get(name);
        return values == null ? Optional.empty()
                : values.stream().filter(value -> value != null && !value.isBlank()).map(String::strip).findFirst();
    }

    private static UUID uuid(String parameter, String value, List<Problem> problems) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(parameter, "must be a UUID, was '" + value + "'"));
            return null;
        }
    }

    private static Instant instant(String parameter, String value, List<Problem> problems) {
        try {
            OffsetDateTime time = OffsetDateTime.parse(value);
            if (time.getYear() < 1 || time.getYear() > 9999) {
                problems.add(new Problem(parameter, "must be a time in the years 1 to 9999, was '" + value + "'"));
                return null;
            }
            return time.toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new Problem(parameter, "must be a time in ISO 8601 with an offset, such as"
                    + " 2026-11-23T10:15:30Z, was '" + value + "'"));
            return null;
        }
    }

    private static void put(Map<String, String> parameters, String name, Object value) {
        if (value != null) {
            parameters.put(name, value.toString());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%2C", ",")
                .replace("%3A", ":");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
