package dev.junction.backend.audit;

import dev.junction.db.audit.AuditEntry;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes audit entries to a stream one at a time, as CSV or as JSON, and leaves the stream open.
 *
 * <p>CSV (RFC 4180): a header line, CRLF line ends, a field quoted (quotes doubled) when it holds a comma, a quote
 * or a line break; the details are the entry's JSON object as text in the last column. A field that a spreadsheet
 * would take for a formula (it starts with {@code = + - @}, a tab or a carriage return — a user name typed into a
 * failed sign-in can be anything) is prefixed with a {@code '}, so that opening the file does not run it.
 *
 * <p>JSON: one array of objects {@code {id, occurredAt, actor, action, entityType, entityId, details}}.
 */
abstract sealed class AuditExportWriter {

    static final String[] CSV_COLUMNS = {"id", "occurred_at", "actor", "action", "entity_type", "entity_id",
            "details"};

    final Writer out;

    private AuditExportWriter(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(new FilterOutputStreamKeepingOpen(stream),
                StandardCharsets.UTF_8), 64 * 1024);
    }

    static AuditExportWriter open(AuditExportFormat format, OutputStream stream, JsonMapper json) {
        return switch (format) {
            case CSV -> new Csv(stream);
            case JSON -> new Json(stream, json);
        };
    }

    abstract void write(AuditEntry entry);

    /** Ends the document and flushes it; the stream stays open. */
    abstract void finish();

    static String when(AuditEntry entry) {
        return entry.occurredAt().toInstant().toString();
    }

    private static final class Csv extends AuditExportWriter {

        Csv(OutputStream stream) {
            super(stream);
            line(CSV_COLUMNS);
        }

        @Override
        void write(AuditEntry entry) {
            line(Long.toString(entry.id()), when(entry), entry.actor(), entry.action(), entry.entityType(),
                    entry.entityId(), entry.detailsJson());
        }

        @Override
        void finish() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void line(String... fields) {
            try {
                for (int i = 0; i < fields.length; i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.write(field(fields[i]));
                }
                out.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static String field(String value) {
            String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
            if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
                return safe;
            }
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
    }

    private static final class Json extends AuditExportWriter {

        private final JsonGenerator generator;

        Json(OutputStream stream, JsonMapper json) {
            super(stream);
            generator = json.createGenerator(out);
            generator.writeStartArray();
        }

        @Override
        void write(AuditEntry entry) {
            generator.writeStartObject();
            generator.writeNumberProperty("id", entry.id());
            generator.writeStringProperty("occurredAt", when(entry));
            generator.writeStringProperty("actor", entry.actor());
            generator.writeStringProperty("action", entry.action());
            generator.writeStringProperty("entityType", entry.entityType());
            generator.writeStringProperty("entityId", entry.entityId());
            generator.writeName("details");
            generator.writeRawValue(entry.detailsJson()); // jsonb text from PostgreSQL: valid JSON
            generator.writeEndObject();
        }

        @Override
        void finish() {
            generator.writeEndArray();
            generator.close(); // closes the writer, which leaves the stream underneath open
        }
    }

    /** Passes writes through; close only flushes, so that the caller's stream stays open. */
    private static final class FilterOutputStreamKeepingOpen extends java.io.FilterOutputStream {

        FilterOutputStreamKeepingOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
