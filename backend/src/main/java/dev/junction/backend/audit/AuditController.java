package dev.junction.backend.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.db.audit.AuditEntry;
import dev.junction.db.audit.AuditFilter;
import dev.junction.db.audit.AuditPage;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log over REST, for admins: {@code GET /api/v1/audit} (a page, newest first) and
 * {@code GET /api/v1/audit/export} (a CSV or JSON download), both with the filters {@code actor}, {@code action}
 * (a prefix: a kind such as {@code connection.} or a whole action), {@code entityType}, {@code entityId},
 * {@code from}, {@code to} and {@code before} (the {@code next} of an earlier page).
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    static final String TRUNCATED_HEADER = "Junction-Export-Truncated";

    private final AuditLogService audit;

    AuditController(AuditLogService audit) {
        this.audit = audit;
    }

    /** One audit entry as the API answers it; {@code details} is the JSON object that was recorded. */
    record Entry(long id, OffsetDateTime occurredAt, String actor, String action, String entityType, String entityId,
                 @JsonRawValue String details) {

        static Entry of(AuditEntry entry) {
            return new Entry(entry.id(), entry.occurredAt().withOffsetSameInstant(ZoneOffset.UTC), entry.actor(),
                    entry.action(), entry.entityType(), entry.entityId(), entry.detailsJson());
        }
    }

    /** A page of entries; {@code next} is the {@code before} of the following page, null on the last one. */
    record Page(List<Entry> items, Long next) {
    }

    @GetMapping(path = "/api/v1/audit", produces = "application/json")
    public Page list(@RequestParam(required = false) String actor,
                     @RequestParam(required = false) String action,
                     @RequestParam(required = false) String entityType,
                     @RequestParam(required = false) String entityId,
                     @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to,
                     @RequestParam(required = false) String before,
                     @RequestParam(required = false) String limit) {
        Problems problems = new Problems();
        AuditFilter filter = filter(actor, action, entityType, entityId, from, to, problems);
        Long olderThan = before(before, problems);
        int most = limit(limit, 50, AuditLogService.PAGE_MAX, problems);
        problems.throwIfAny();
        AuditPage page = audit.page(filter, olderThan, most);
        return new Page(page.items().stream().map(Entry::of).toList(), page.next());
    }

    /**
     * The matching entries as a file, newest first, at most {@code limit} (default and most:
     * {@value AuditLogService#EXPORT_MAX}); when more match, the header {@value #TRUNCATED_HEADER} is {@code true}
     * and the next export continues with {@code before} = the last id of this one.
     */
    @GetMapping(path = "/api/v1/audit/export")
    public void export(@RequestParam(required = false) String format,
                       @RequestParam(required = false) String actor,
                       @RequestParam(required = false) String action,
                       @RequestParam(required = false) String entityType,
                       @RequestParam(required = false) String entityId,
                       @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to,
                       @RequestParam(required = false) String before,
                       @RequestParam(required = false) String limit,
                       HttpServletResponse response) throws IOException {
        Problems problems = new Problems();
        AuditExportFormat fileFormat = format(format, problems);
        AuditFilter filter = filter(actor, action, entityType, entityId, from, to, problems);
        Long olderThan = before(before, problems);
        int most = limit(limit, AuditLogService.EXPORT_MAX, AuditLogService.EXPORT_MAX, problems);
        problems.throwIfAny();

        response.setContentType(fileFormat.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileFormat.fileName(OffsetDateTime.now(ZoneOffset.UTC))).build().toString());
        response.setHeader(TRUNCATED_HEADER, Boolean.toString(audit.exportWouldBeCut(filter, olderThan, most)));
        audit.export(filter, olderThan, most, fileFormat, response.getOutputStream());
        response.flushBuffer();
    }

    /** The query parameters that are not understood, each named with what was expected. */
    private static final class Problems {

        private final List<InvalidInputException.FieldProblem> found = new ArrayList<>();

        void add(String parameter, String message) {
            found.add(new InvalidInputException.FieldProblem(parameter, message));
        }

        void throwIfAny() {
            if (!found.isEmpty()) {
                throw new InvalidInputException(found);
            }
        }
    }

    private static AuditExportFormat format(String value, Problems problems) {
        if (value == null || value.isBlank()) {
            return AuditExportFormat.CSV;
        }
        return AuditExportFormat.fromName(value).orElseGet(() -> {
            problems.add("format", "must be " + AuditExportFormat.names() + ", was '" + value + "'");
            return AuditExportFormat.CSV;
        });
    }

    private static AuditFilter filter(String actor, String action, String entityType, String entityId, String from,
                                      String to, Problems problems) {
        OffsetDateTime start = time("from", from, problems);
        OffsetDateTime end = time("to", to, problems);
        if (start != null && end != null && !end.isAfter(start)) {
            problems.add("to", "must be after from (" + start + "), was " + end);
        }
        return new AuditFilter(blankToNull(actor), blankToNull(action), blankToNull(entityType),
                blankToNull(entityId), start, end);
    }

    private static OffsetDateTime time(String parameter, String value, Problems problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(text);
        } catch (DateTimeParseException notATime) {
            try {
                time = LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                problems.add(parameter, "must be a time in ISO 8601 with an offset, such as 2026-11-23T10:15:30Z,"
                        + " or a date (2026-11-23, from midnight UTC), was '" + value + "'");
                return null;
            }
        }
        if (time.getYear() < 1 || time.getYear() > 9999) {
            problems.add(parameter, "must be a time in the years 1 to 9999, was '" + value + "'");
            return null;
        }
        return time;
    }

    private static Long before(String value, Problems problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        problems.add("before", "must be the id of an audit entry (a positive whole number, the next of an earlier"
                + " page), was '" + value + "'");
        return null;
    }

    private static int limit(String value, int fallback, int most, Problems problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= most) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        problems.add("limit", "must be a whole number from 1 to " + most + ", was '" + value + "'");
        return fallback;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
