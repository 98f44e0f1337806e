package dev.junction.db.sql;

import org.jooq.DSLContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain prepared statements, the module's one way to write SQL where the statement runs per step or per request
 * (measured: building and rendering them with jOOQ's DSL cost more CPU than the database spent on them; see
 * docs/benchmarks.md). They run on the connection of the caller's jOOQ transaction, if it has one. Bind values:
 * String, Integer, Long, Boolean, UUID, OffsetDateTime, String[] (bound as text[]), {@link Json} (bound as jsonb
 * text), or null.
 */
public final class Sql {

    private Sql() {
    }

    /** JSON text to bind to a jsonb parameter (written as {@code ?::jsonb}). */
    public record Json(String text) {

        /** JSON text to bind, or null for none. */
        public static Json of(String text) {
            return text == null ? null : new Json(text);
        }
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    public static int update(DSLContext db, String sql, Object... values) {
        return db.connectionResult(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, values)) {
                return statement.executeUpdate();
            }
        });
    }

    public static <T> List<T> query(DSLContext db, String sql, Row<T> reader, Object... values) {
        return db.connectionResult(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, values);
                 ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(reader.read(rows));
                }
                return result;
            }
        });
    }

    /** The first row's value, or null when there is no row. */
    public static <T> T queryOne(DSLContext db, String sql, Row<T> reader, Object... values) {
        List<T> rows = query(db, sql, reader, values);
        return rows.isEmpty() ? null : rows.getFirst();
    }

    public static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** An instant to bind (null stays null). */
    public static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object[] values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            switch (value) {
                case null -> statement.setNull(i + 1, Types.NULL);
                case Json json -> statement.setString(i + 1, json.text());
                case OffsetDateTime time -> statement.setObject(i + 1, time);
                case String[] texts -> statement.setArray(i + 1, connection.createArrayOf("text", texts));
                default -> statement.setObject(i + 1, value);
            }
        }
        return statement;
    }
}
