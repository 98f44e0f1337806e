package dev.junction.backend.audit;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The file formats of an audit log export. */
public enum AuditExportFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    JSON("application/json", "json");

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final String contentType;
    private final String extension;

    AuditExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The name of the format as the API and file names spell it ({@code csv}, {@code json}). */
    public String extension() {
        return extension;
    }

    /** The name of an export file made at {@code now}, e.g. {@code junction-audit-20261123-101530.csv}. */
    public String fileName(OffsetDateTime now) {
        return "junction-audit-" + FILE_TIME.format(now) + "." + extension;
    }

    public static Optional<AuditExportFormat> fromName(String name) {
        return Arrays.stream(values()).filter(format -> format.extension.equals(name.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(AuditExportFormat::extension).collect(Collectors.joining(" or "));
    }
}
