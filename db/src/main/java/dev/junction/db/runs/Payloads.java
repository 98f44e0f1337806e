package dev.junction.db.runs;

import dev.junction.db.sql.Sql;
import dev.junction.engine.json.PayloadJson;
import org.jooq.DSLContext;
import org.jooq.JSONB;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;


/**
 * How run and step payloads are stored: small ones inline, those over {@link #INLINE_LIMIT_BYTES} once in
 * {@code payloads} under their SHA-256 (a payload repeated by many steps or retries is stored once).
 */
final class Payloads {

    /** Payloads up to this size (of their JSON text) are stored in the run's or step's own row. */
    static final int INLINE_LIMIT_BYTES = 64 * 1024;

    private Payloads() {
    }

    /** A payload ready to store: either inline, or a reference to a row of {@code payloads}. */
    record Stored(JSONB inline, String ref, int size) {
    }

    static Stored store(DSLContext db, Object value) {
        if (value == null) {
            return new Stored(null, null, 0);
        }
        String json = PayloadJson.write(value);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= INLINE_LIMIT_BYTES) {
            return new Stored(JSONB.valueOf(json), null, bytes.length);
        }
        String hash = sha256(bytes);
        Sql.update(db, "insert into payloads (hash, body, size_bytes) values (?, ?::jsonb, ?) on conflict do nothing",
                hash, new Sql.Json(json), bytes.length);
        return new Stored(null, hash, bytes.length);
    }

    static Object read(JSONB inline, JSONB referenced) {
        JSONB json = inline != null ? inline : referenced;
        return json == null ? null : PayloadJson.read(json.data());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
