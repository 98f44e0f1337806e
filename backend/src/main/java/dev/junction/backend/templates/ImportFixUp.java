package dev.junction.backend.templates;

import java.util.List;

/**
 * What an imported workflow or template needs fixed before it can run: each connection it names that this
 * installation does not have, the connector it must be of (from the operation it is used with, when known), the
 * nodes (and trigger) naming it, and the existing connections of that connector it may be mapped to (the sandbox
 * one first). Nothing here blocks saving.
 */
public record ImportFixUp(List<UnknownConnection> unknownConnections) {

    public record UnknownConnection(String connectionId, String connector, List<String> nodeIds,
                                    List<String> candidates) {
    }
}
