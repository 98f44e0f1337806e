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
import java.util.function.Function;
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
 * {@code tag} (a workflow tag: runs of the workflows carrying it; any case, kept lower-case), {@code view} (a saved
 * view's id).
 */
public record RunsQuery(Set<RunStatus> statuses, UUID workflow, Integer version, String trigger, Instant from,
                        Instant to, String connection, String errorClass, ErrorCategory category,
                        String businessKey, String tag, UUID view) {

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
    public static final String TAG = "tag";
    public static final String VIEW = "view";
    private static final java.util.regex.Pattern TAG_TEXT = java.util.regex.Pattern.compile("[a-z0-9_-]{1,40}");

    /*
     * The parameters in URL order, one descriptor each (name, value in the query, text of the value, reader of the
     * text). The order is also the record's: of(values) reads them by position. A new filter is a component, a line
     * here and its cast in of(values).
     */
    private static final Parameter<Set<RunStatus>> STATUS_PARAMETER = new Parameter<>(STATUS,
            query -> query.statuses.isEmpty() ? null : query.statuses, RunsQuery::statusList, RunsQuery::readStatuses);
    private static final Parameter<UUID> WORKFLOW_PARAMETER = new Parameter<>(WORKFLOW, RunsQuery::workflow,
            UUID::toString, RunsQuery::uuid);
    private static final Parameter<Integer> VERSION_PARAMETER = new Parameter<>(VERSION, RunsQuery::version,
            String::valueOf, RunsQuery::readVersion);
    private static final Parameter<String> TRIGGER_PARAMETER = Parameter.text(TRIGGER, RunsQuery::trigger);
    private static final Parameter<Instant> FROM_PARAMETER = new Parameter<>(FROM, RunsQuery::from,
            Instant::toString, RunsQuery::instant);
    private static final Parameter<Instant> TO_PARAMETER = new Parameter<>(TO, RunsQuery::to, Instant::toString,
            RunsQuery::instant);
    private static final Parameter<String> CONNECTION_PARAMETER = Parameter.text(CONNECTION, RunsQuery::connection);
    private static final Parameter<String> ERROR_CLASS_PARAMETER = Parameter.text(ERROR_CLASS, RunsQuery::errorClass);
    private static final Parameter<ErrorCategory> CATEGORY_PARAMETER = new Parameter<>(CATEGORY,
            RunsQuery::category, ErrorCategory::jsonName, RunsQuery::readCategory);
    private static final Parameter<String> BUSINESS_KEY_PARAMETER = Parameter.text(BUSINESS_KEY,
            RunsQuery::businessKey);
    private static final Parameter<String> TAG_PARAMETER = new Parameter<>(TAG, RunsQuery::tag, text -> text,
            RunsQuery::readTag);
    private static final Parameter<UUID> VIEW_PARAMETER = new Parameter<>(VIEW, RunsQuery::view, UUID::toString,
            RunsQuery::uuid);
    private static final List<Parameter<?>> PARAMETERS = List.of(STATUS_PARAMETER, WORKFLOW_PARAMETER,
            VERSION_PARAMETER, TRIGGER_PARAMETER, FROM_PARAMETER, TO_PARAMETER, CONNECTION_PARAMETER,
            ERROR_CLASS_PARAMETER, CATEGORY_PARAMETER, BUSINESS_KEY_PARAMETER, TAG_PARAMETER, VIEW_PARAMETER);

    public RunsQuery {
        statuses = statuses == null || statuses.isEmpty() ? Set.of()
                : Set.copyOf(EnumSet.copyOf(statuses));
        trigger = blankToNull(trigger);
        connection = blankToNull(connection);
        errorClass = blankToNull(errorClass);
        businessKey = blankToNull(businessKey);
        tag = blankToNull(tag) == null ? null : tag.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** No filter: every run. */
    public static RunsQuery all() {
        return new RunsQuery(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static RunsQuery ofStatuses(RunStatus... statuses) {
        return all().withStatuses(Set.of(statuses));
    }

    public static RunsQuery ofWorkflow(UUID workflow) {
        return all().withWorkflow(workflow);
    }

    public RunsQuery withStatuses(Set<RunStatus> value) {
        return with(STATUS_PARAMETER, value);
    }

    public RunsQuery withWorkflow(UUID value) {
        return with(WORKFLOW_PARAMETER, value);
    }

    public RunsQuery withVersion(Integer value) {
        return with(VERSION_PARAMETER, value);
    }

    public RunsQuery withTrigger(String value) {
        return with(TRIGGER_PARAMETER, value);
    }

    /** Runs created in [from, to); either may be null. */
    public RunsQuery withTime(Instant fromValue, Instant toValue) {
        return with(FROM_PARAMETER, fromValue).with(TO_PARAMETER, toValue);
    }

    public RunsQuery withConnection(String value) {
        return with(CONNECTION_PARAMETER, value);
    }

    public RunsQuery withErrorClass(String value) {
        return with(ERROR_CLASS_PARAMETER, value);
    }

    public RunsQuery withCategory(ErrorCategory value) {
        return with(CATEGORY_PARAMETER, value);
    }

    public RunsQuery withBusinessKey(String value) {
        return with(BUSINESS_KEY_PARAMETER, value);
    }

    public RunsQuery withTag(String value) {
        return with(TAG_PARAMETER, value);
    }

    public RunsQuery withView(UUID value) {
        return with(VIEW_PARAMETER, value);
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
        for (Parameter<?> parameter : PARAMETERS) {
            parameter.written(this).ifPresent(text -> parameters.put(parameter.name(), text));
        }
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
                version, trigger, connection, category, tag);
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
        Object[] values = new Object[PARAMETERS.size()];
        for (int index = 0; index < values.length; index++) {
            Parameter<?> parameter = PARAMETERS.get(index);
            values[index] = first(parameters, parameter.name())
                    .map(value -> parameter.reader().read(parameter.name(), value, problems)).orElse(null);
        }
        RunsQuery query = of(values);
        if (query.from != null && query.to != null && query.from.isAfter(query.to)) {
            problems.add(new Problem(FROM, "must not be after to (" + query.to + "), was " + query.from));
            problems.add(new Problem(TO, "must not be before from (" + query.from + "), was " + query.to));
            return query.withTime(null, null);
        }
        return query;
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

    private static String readTag(String parameter, String value, List<Problem> problems) {
        String tag = value.toLowerCase(java.util.Locale.ROOT);
        if (!TAG_TEXT.matcher(tag).matches()) {
            problems.add(new Problem(parameter, "must be a tag: 1 to 40 letters, digits, '-' or '_', was '" + value
                    + "'"));
            return null;
        }
        return tag;
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

    /**
     * One URL parameter: its {@code name}, its value in a query ({@code value}, null when not set), the value as URL
     * text ({@code text}) and the {@code reader} back from text.
     */
    private record Parameter<T>(String name, Function<RunsQuery, T> value, Function<T, String> text,
                                Reader<T> reader) {

        static Parameter<String> text(String name, Function<RunsQuery, String> value) {
            return new Parameter<>(name, value, text -> text, (parameter, text, problems) -> text);
        }

        Optional<String> written(RunsQuery query) {
            return Optional.ofNullable(value.apply(query)).map(text);
        }
    }

    /** Reads a parameter's (non-blank, stripped) text; null, with a {@link Problem} added, when it is not valid. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(String parameter, String text, List<Problem> problems);
    }

    /** This query with {@code parameter} set to {@code value}. */
    private <T> RunsQuery with(Parameter<T> parameter, T value) {
        Object[] values = new Object[PARAMETERS.size()];
        for (int index = 0; index < values.length; index++) {
            Parameter<?> each = PARAMETERS.get(index);
            values[index] = each == parameter ? value : each.value().apply(this);
        }
        return of(values);
    }

    /** The query of parameter values in {@link #PARAMETERS}' order (nulls: no condition). */
    @SuppressWarnings("unchecked")
    private static RunsQuery of(Object[] values) {
        return new RunsQuery((Set<RunStatus>) values[0], (UUID) values[1], (Integer) values[2], (String) values[3],
                (Instant) values[4], (Instant) values[5], (String) values[6], (String) values[7],
                (ErrorCategory) values[8], (String) values[9], (String) values[10], (UUID) values[11]);
    }

    private static String statusList(Set<RunStatus> statuses) {
        return statuses.stream().sorted().map(RunStatus::jsonName).collect(Collectors.joining(","));
    }

    private static Set<RunStatus> readStatuses(String parameter, String value, List<Problem> problems) {
        Set<RunStatus> statuses = EnumSet.noneOf(RunStatus.class);
        for (String name : value.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            Optional<RunStatus> status = RunStatus.fromJson(name.strip().toLowerCase(Locale.ROOT));
            if (status.isPresent()) {
                statuses.add(status.get());
            } else {
                problems.add(new Problem(parameter, "must be one or more of " + Arrays.stream(RunStatus.values())
                        .map(RunStatus::jsonName).collect(Collectors.joining(", "))
                        + " (comma-separated), was '" + name.strip() + "'"));
            }
        }
        return statuses;
    }

    private static Integer readVersion(String parameter, String value, List<Problem> problems) {
        try {
            int number = Integer.parseInt(value);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Problem(parameter, "must be a version number (1 or more), was '" + value + "'"));
        return null;
    }

    private static ErrorCategory readCategory(String parameter, String value, List<Problem> problems) {
        ErrorCategory named = ErrorCategory.fromJson(value);
        if (named == null) {
            problems.add(new Problem(parameter, "must be one of " + Arrays.stream(ErrorCategory.values())
                    .map(ErrorCategory::jsonName).collect(Collectors.joining(", ")) + ", was '" + value + "'"));
        }
        return named;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%2C", ",")
                .replace("%3A", ":");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
