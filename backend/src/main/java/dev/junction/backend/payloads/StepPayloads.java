package dev.junction.backend.payloads;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.engine.json.PayloadJson;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A step's input or output a page at a time: the whole stored payload (inline, or from the payload store) is read
 * on the server, redacted, indented, and cut into pages of at most {@link #LINES_PER_PAGE} lines and
 * {@link #CHARACTERS_PER_PAGE} characters (a longer line is cut too) — the page shown to people never holds more.
 */
@Service
public class StepPayloads {

    public static final int LINES_PER_PAGE = 60;
    public static final int CHARACTERS_PER_PAGE = 4_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext db;

    StepPayloads(DSLContext db) {
        this.db = db;
    }

    /**
     * Page {@code page} (from 1) of step {@code stepId}'s {@code side} ({@code input} or {@code output}) in run
     * {@code runId}; empty text and one page when the step has none.
     */
    public PayloadPage page(UUID runId, long stepId, String side, int page) {
        if (!side.equals("input") && !side.equals("output")) {
            throw new InvalidInputException("side", "must be input or output");
        }
        if (page < 1) {
            throw new InvalidInputException("page", "must be 1 or more");
        }
        Record row = db.fetchOne("select s." + side + "::text as inline, s." + side + "_ref as ref,"
                + " p.body::text as stored, p.size_bytes from steps s left join payloads p on p.hash = s." + side
                + "_ref where s.run_id = ? and s.id = ?", runId, stepId);
        if (row == null) {
            throw new NotFoundException("run " + runId + " has no step " + stepId);
        }
        String json = row.get("ref") == null ? row.get("inline", String.class) : row.get("stored", String.class);
        long size = row.get("ref") == null ? (json == null ? 0 : json.length()) : row.get("size_bytes", Long.class);
        PayloadRedaction.Redacted redacted = PayloadRedaction.redact(json == null ? null : PayloadJson.read(json));
        String text = json == null ? "" : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(redacted.value());
        List<String> pages = pages(text);
        if (page > pages.size()) {
            throw new InvalidInputException("page", "must be at most " + pages.size()
                    + " (the " + side + " has " + pages.size() + (pages.size() == 1 ? " page)" : " pages)"));
        }
        int firstLine = 1;
        for (int i = 0; i < page - 1; i++) {
            firstLine += lineCount(pages.get(i));
        }
        String shown = pages.get(page - 1);
        return new PayloadPage(side, page, pages.size(), firstLine, firstLine + lineCount(shown) - 1,
                text.isEmpty() ? 0 : text.split("\n", -1).length, size, shown, redacted.redactions(),
                PayloadRedaction.describe(redacted.redactions()));
    }

    /** The text in pages: whole lines while they fit, a line longer than a page cut into page-long pieces. */
    static List<String> pages(String text) {
        List<String> pages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int lines = 0;
        for (String line : text.split("\n", -1)) {
            List<String> pieces = new ArrayList<>();
            for (int start = 0; start < line.length() || pieces.isEmpty(); start += CHARACTERS_PER_PAGE) {
                pieces.add(line.substring(start, Math.min(line.length(), start + CHARACTERS_PER_PAGE)));
            }
            for (String piece : pieces) {
                if (lines > 0 && (lines == LINES_PER_PAGE
                        || current.length() + 1 + piece.length() > CHARACTERS_PER_PAGE)) {
                    pages.add(current.toString());
                    current.setLength(0);
                    lines = 0;
                }
                if (lines > 0) {
                    current.append('\n');
                }
                current.append(piece);
                lines++;
            }
        }
        pages.add(current.toString());
        return pages;
    }

    private static int lineCount(String page) {
        return page.split("\n", -1).length;
    }
}
