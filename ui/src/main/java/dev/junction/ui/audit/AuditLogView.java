package dev.junction.ui.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.junction.backend.audit.AuditExportFormat;
import dev.junction.backend.audit.AuditLogService;
import dev.junction.db.audit.AuditEntry;
import dev.junction.db.audit.AuditFilter;
import dev.junction.ui.shared.Times;
import jakarta.annotation.security.RolesAllowed;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log for admins: who changed what and when, newest first, filtered by user, kind (the start of the
 * action, e.g. {@code connection.}) and time, in a grid that reads on as it scrolls; the entries that match the
 * filters download as CSV or JSON.
 */
@Route("audit")
@PageTitle("Audit log · Junction")
@Menu(title = "Audit log", order = 90, icon = "vaadin:records")
@RolesAllowed("ADMIN")
public class AuditLogView extends VerticalLayout {

    /** The kinds of entry Junction writes, as action prefixes; any other prefix can be typed. */
    static final List<String> KINDS = List.of("workflow.", "mapping.", "lookup_table.", "currency_rate.",
            "connection.", "vault.", "run.", "user.", "token.", "login.", "audit.");

    /** The user's zone (read once, on the UI's thread: the download below runs on another). */
    private final ZoneId zone = Times.zone();

    private final AuditLogService audit;
    private final AuditEntries entries;
    private final TextField user = new TextField("User");
    private final ComboBox<String> kind = new ComboBox<>("Kind");
    private final DateTimePicker from = new DateTimePicker("From");
    private final DateTimePicker to = new DateTimePicker("To");
    private final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
    /** The filters of the grid, read by the export downloads (which do not run on the UI's thread). */
    private volatile AuditFilter shownFilter = AuditFilter.all();

    public AuditLogView(AuditLogService audit) {
        this.audit = audit;
        this.entries = new AuditEntries(audit);
        setSizeFull();
        configureFilters();
        configureGrid();

        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> reload());
        refresh.setId("refresh-audit");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout title = new HorizontalLayout(new H2("Audit log"), refresh,
                export(AuditExportFormat.CSV, "Export CSV"), export(AuditExportFormat.JSON, "Export JSON"));
        title.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout filters = new HorizontalLayout(user, kind, from, to);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        add(title, filters, grid);
        expand(grid);
        reload();
    }

    private void configureFilters() {
        user.setId("audit-user");
        user.setPlaceholder("Any user");
        user.setClearButtonVisible(true);
        user.setWidth("10em");
        user.setValueChangeMode(ValueChangeMode.LAZY);
        user.addValueChangeListener(change -> reload());

        List<String> kinds = new ArrayList<>(KINDS);
        kind.setId("audit-kind");
        kind.setPlaceholder("Any kind");
        kind.setTooltipText("The start of the action: pick a kind or type any prefix");
        kind.setWidth("12em");
        kind.setClearButtonVisible(true);
        kind.setAllowCustomValue(true);
        kind.setItems(kinds);
        kind.addCustomValueSetListener(custom -> {
            String typed = custom.getDetail().strip();
            if (!typed.isEmpty() && !kinds.contains(typed)) {
                kinds.add(typed);
                kind.setItems(kinds);
            }
            kind.setValue(typed.isEmpty() ? null : typed);
        });
        kind.addValueChangeListener(change -> reload());

        from.setId("audit-from");
        to.setId("audit-to");
        for (DateTimePicker picker : List.of(from, to)) {
            picker.setWidth("16em");
            picker.setTooltipText("In " + zone.getId());
            picker.addValueChangeListener(change -> reload());
        }
    }

    private void configureGrid() {
        grid.setId("audit-entries");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(entry -> Times.when(entry.occurredAt())).setHeader("Time (" + zone.getId() + ")").setAutoWidth(true).setFlexGrow(0)
                .setKey("time");
        grid.addColumn(AuditEntry::actor).setHeader("User").setAutoWidth(true).setFlexGrow(0).setKey("user");
        grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true).setFlexGrow(0).setKey("action");
        grid.addColumn(entry -> entry.entityType() + " " + entry.entityId()).setHeader("Entity").setFlexGrow(1)
                .setTooltipGenerator(entry -> entry.entityType() + " " + entry.entityId()).setKey("entity");
        grid.addColumn(AuditEntry::detailsJson).setHeader("Details").setFlexGrow(2)
                .setTooltipGenerator(AuditEntry::detailsJson).setKey("details");
        grid.setPageSize(AuditEntries.PAGE_SIZE);
        grid.setItems(query -> entries.slice(query.getOffset(), query.getLimit()));
        grid.setEmptyStateText("No audit entries match these filters.");
    }

    private Anchor export(AuditExportFormat format, String text) {
        Anchor anchor = new Anchor();
        anchor.add(VaadinIcon.DOWNLOAD.create());
        anchor.add(" " + text);
        anchor.setId("export-" + format.extension());
        anchor.setDownload(true);
        anchor.setHref(event -> {
            event.setFileName(format.fileName(OffsetDateTime.now(zone)));
            event.setContentType(format.contentType());
            audit.export(shownFilter, null, AuditLogService.EXPORT_MAX, format, event.getOutputStream());
        });
        return anchor;
    }

    /** Shows the newest entries that match the filters (nothing while the time range is empty). */
    private void reload() {
        OffsetDateTime start = at(from.getValue());
        OffsetDateTime end = at(to.getValue());
        boolean emptyRange = start != null && end != null && !end.isAfter(start);
        to.setInvalid(emptyRange);
        to.setErrorMessage(emptyRange ? "Must be after From" : null);
        String who = user.getValue().strip();
        AuditFilter filter = new AuditFilter(who.isEmpty() ? null : who, kind.getValue(), null, null, start,
                emptyRange ? start : end);
        shownFilter = filter;
        entries.reset(filter);
        grid.getDataProvider().refreshAll();
    }

    private OffsetDateTime at(LocalDateTime time) {
        return time == null ? null : time.atZone(zone).toOffsetDateTime();
    }
}
