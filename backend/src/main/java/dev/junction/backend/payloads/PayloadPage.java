package dev.junction.backend.payloads;

import java.util.List;

/**
 * One page of a step's input or output as people read it: indented JSON with secrets and card data taken out
 * ({@link PayloadRedaction}). {@code page} counts from 1 of {@code pages}; {@code lines} is the whole payload's line
 * count, {@code sizeBytes} its stored size; {@code redactions} are all of the payload's (on any page), and
 * {@code redactionSummary} says them in a sentence ("" when none).
 */
public record PayloadPage(String side, int page, int pages, int firstLine, int lastLine, int lines, long sizeBytes,
                          String text, List<PayloadRedaction.Redaction> redactions, String redactionSummary) {

    public PayloadPage {
        redactions = List.copyOf(redactions);
    }
}
