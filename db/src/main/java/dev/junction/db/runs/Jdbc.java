package dev.junction.db.runs;

import org.jooq.DSLContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain prepared statements for the statements every step runs (measured: building and rendering them with jOOQ's
 * DSL cost more CPU than the database spent on them; see docs/benchmarks.md). They run on the connection of the
 * caller's jOOQ transaction. Bind values: String, Integer, Long, Boolean, UUID, OffsetDateTime, {@link Json}
 * (bound as jsonb text), or null.
 */
final class Jdbc {

    private Jdbc() {
    }

    /** JSON text to bind to a jsonb parameter (written as {@code ?::jsonb}). */
    record Json(String text) {
    }

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    static int update(DSLContext db, String sql, Object... values) {
        return db.connectionResult(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, values)) {
                return statement.executeUpdate();
            }
        });
    }

    static <T> List<T> query(DSLContext db, String sql, Row<T> reader, Object... values) {
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

    static <T> T queryOne(DSLContext db, String sql, Row<T> reader, Object... values) {
        List<T> rows = query(db, sql, reader, values);
        return rows.isEmpty() ? null : rows.getFirst();
    }

    static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object[] values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            switch (value) {
                case null -> statement.setNull(i + 1, Types.NULL);
                case Json json -> statement.setString(i + 1, json.text());
                case OffsetDateTime time -> statement.setObject(i + 1, time);
                default -> statement.setObject(i + 1, value);
            }
        }
        return statement;
    }
}
