package dev.junction.db.amounts;

import dev.junction.db.sql.Sql;
import org.jooq.DSLContext;

import java.util.Optional;
import java.util.UUID;

/** The workflows' amount settings (V36): read, saved (replacing), removed. Runs that end read them in SQL. */
public class AmountSettingsRepository {

    private final DSLContext db;

    public AmountSettingsRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<AmountSettings> find(UUID workflowId) {
        return Optional.ofNullable(Sql.queryOne(db, """
                        select amount_expression, kind, kind_expression, currency, currency_expression, fee_expression,
                               minor_units
                        from workflow_amount_settings where workflow_id = ?""",
                row -> new AmountSettings(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getBoolean(7)), workflowId));
    }

    public void save(UUID workflowId, AmountSettings settings, String by) {
        Sql.update(db, """
                        insert into workflow_amount_settings (workflow_id, amount_expression, kind, kind_expression,
                                                              currency, currency_expression, fee_expression,
                                                              minor_units, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (workflow_id) do update set amount_expression = excluded.amount_expression,
                            kind = excluded.kind, kind_expression = excluded.kind_expression,
                            currency = excluded.currency, currency_expression = excluded.currency_expression,
                            fee_expression = excluded.fee_expression, minor_units = excluded.minor_units,
                            updated_by = excluded.updated_by, updated_at = now()""",
                workflowId, settings.amountExpression(), settings.kind(), settings.kindExpression(),
                settings.currency(), settings.currencyExpression(), settings.feeExpression(), settings.minorUnits(),
                by);
    }

    public boolean delete(UUID workflowId) {
        return Sql.update(db, "delete from workflow_amount_settings where workflow_id = ?", workflowId) > 0;
    }
}
