package dev.junction.backend.alerts.conditions;

import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A scope's workflows as SQL: {@code and <column> = any(?)}, or nothing when the scope is everything. */
record ScopeClause(String sql, List<Object> binds) {

    static ScopeClause of(String column, Optional<Map<UUID, String>> workflows) {
        if (workflows.isEmpty()) {
            return new ScopeClause("", List.of());
        }
        UUID[] ids = workflows.get().keySet().toArray(UUID[]::new);
        return new ScopeClause(" and " + column + " = any(?)", List.of(DSL.val(ids, SQLDataType.UUID.array())));
    }

    /** The binds before these, then these. */
    Object[] after(Object... before) {
        Object[] all = new Object[before.length + binds.size()];
        System.arraycopy(before, 0, all, 0, before.length);
        for (int i = 0; i < binds.size(); i++) {
            all[before.length + i] = binds.get(i);
        }
        return all;
    }
}
