package dev.junction.backend.alerts;

import dev.junction.backend.dashboard.DashboardRange;
import dev.junction.backend.dashboard.DashboardSection;
import dev.junction.backend.dashboard.DashboardTile;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The dashboard's tile {@code open-alerts}: the alerts open now (firing + acknowledged; no previous value is kept),
 * narrowed to the dashboard's workflow when it has one (rules scoped to it, or alerts found on it); its impact is
 * {@code bad} while any is firing. It opens the Alerts view.
 */
@Component
@Order(50)
class OpenAlertsSection implements DashboardSection {

    private final DSLContext db;

    OpenAlertsSection(DSLContext db) {
        this.db = db;
    }

    @Override
    public List<DashboardTile> tiles(DashboardRange range) {
        Record counts = range.workflowId() == null
                ? db.fetchSingle("""
                        select count(*) as open, count(*) filter (where state = 'firing') as firing
                        from alerts where state <> 'resolved'""")
                : db.fetchSingle("""
                        select count(*) as open, count(*) filter (where a.state = 'firing') as firing
                        from alerts a join alert_rules r on r.id = a.rule_id
                        where a.state <> 'resolved' and (r.workflow_id = ? or a.details ->> 'workflowId' = ?)""",
                range.workflowId(), range.workflowId().toString());
        long open = counts.get("open", Long.class);
        long firing = counts.get("firing", Long.class);
        return List.of(new DashboardTile("open-alerts", "Open alerts", (double) open, Long.toString(open), null, null,
                firing > 0 ? "bad" : "neutral", "alerts"));
    }
}
