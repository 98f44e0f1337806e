package dev.junction.ui.lookups;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.lookups.LookupTableService;
import dev.junction.db.lookups.LookupTable;
import dev.junction.engine.json.PayloadJson;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shared.Times;
import jakarta.annotation.security.PermitAll;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The lookup tables mappings and lookup nodes read: the tables (create, settings, delete — refused while a published
 * workflow reads one), and the chosen table's entries with search, add / change / remove, CSV import (replace all
 * entries, or merge into them) and export. Admins and designers change; everyone else reads.
 */
@Route("lookup-tables")
@PageTitle("Lookup tables · Junction")
@Menu(title = "Lookup tables", order = 5, icon = "vaadin:table")
@PermitAll
public class LookupTablesView extends VerticalLayout {

    /** One entry as the grid shows it: the value as text (JSON for a value that is not text). */
    record Entry(String key, String value) {
    }

    static final String REPLACE = "Replace all entries";
    static final String MERGE = "Merge (add and overwrite)";

    private final LookupTableService tables;
    private final boolean mayChange;
    private final Grid<LookupTable> tableGrid = new Grid<>(LookupTable.class, false);
    private final Grid<Entry> entryGrid = new Grid<>(Entry.class, false);
    private final TextField entrySearch = new TextField();
    private final H3 tableTitle = new H3();
    private final VerticalLayout details = new VerticalLayout();
    private final RadioButtonGroup<String> importMode = new RadioButtonGroup<>();
    private LookupTable selected;

    public LookupTablesView(LookupTableService tables) {
        this.tables = tables;
        this.mayChange = tables.currentUserMayChange();
        setSizeFull();

        HorizontalLayout toolbar = new HorizontalLayout(new H2("Lookup tables"));
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (mayChange) {
            Button create = new Button("New table", VaadinIcon.PLUS.create(), click -> new LookupTableDialog(null,
                    (name, settings) -> {
                        LookupTable created = tables.create(name, settings);
                        Notifications.success("Lookup table '" + created.name() + "' created");
                        refreshTables(created.name());
                    }).open());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("new-lookup-table");
            toolbar.add(create);
        }
        configureTableGrid();
        configureDetails();
        add(toolbar, tableGrid, details);
        setFlexGrow(1, tableGrid);
        setFlexGrow(2, details);
        refreshTables(null);
    }

    private void configureTableGrid() {
        tableGrid.setId("lookup-tables");
        tableGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        tableGrid.addColumn(LookupTable::name).setHeader("Name").setKey("name").setFlexGrow(1);
        tableGrid.addColumn(LookupTable::description).setHeader("Description").setFlexGrow(2);
        tableGrid.addColumn(table -> LookupTableDialog.policyLabel(table.missingKey())).setHeader("Missing key")
                .setAutoWidth(true).setFlexGrow(0);
        tableGrid.addColumn(LookupTable::entries).setHeader("Entries").setKey("entries")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        tableGrid.addColumn(table -> Times.when(table.updatedAt())).setHeader("Updated").setAutoWidth(true)
                .setFlexGrow(0);
        tableGrid.setMinHeight("10em");
        tableGrid.setEmptyStateText("No lookup tables yet.");
        tableGrid.asSingleSelect().addValueChangeListener(change -> {
            if (change.isFromClient()) {
                show(change.getValue());
            }
        });
    }

    private void configureDetails() {
        details.setPadding(false);
        details.setSizeFull();
        details.setId("lookup-table-details");
        entrySearch.setPlaceholder("Search keys and values");
        entrySearch.setPrefixComponent(VaadinIcon.SEARCH.create());
        entrySearch.setClearButtonVisible(true);
        entrySearch.setValueChangeMode(ValueChangeMode.LAZY);
        entrySearch.setId("entry-search");
        entrySearch.setWidth("18em");
        entrySearch.addValueChangeListener(change -> entryGrid.getDataProvider().refreshAll());

        entryGrid.setId("lookup-entries");
        entryGrid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        entryGrid.addColumn(Entry::key).setHeader("Key").setKey("key").setFlexGrow(1);
        entryGrid.addColumn(Entry::value).setHeader("Value").setKey("value").setFlexGrow(2);
        if (mayChange) {
            entryGrid.addComponentColumn(this::entryActions).setHeader("").setTextAlign(ColumnTextAlign.END)
                    .setAutoWidth(true).setFlexGrow(0);
        }
        entryGrid.setEmptyStateText("No entries.");
        entryGrid.setPageSize(100);
        details.setVisible(false);
    }

    /** Shows the chosen table's settings, tools and entries; nothing when none is chosen. */
    private void show(LookupTable table) {
        selected = table;
        details.removeAll();
        details.setVisible(table != null);
        if (table == null) {
            return;
        }
        tableTitle.setText(table.name());
        tableTitle.setId("lookup-table-title");
        HorizontalLayout header = new HorizontalLayout(tableTitle, entrySearch);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();
        header.setWrap(true);
        if (mayChange) {
            Button add = new Button("Add entry", VaadinIcon.PLUS.create(), click -> new EntryDialog(table.keyLabel(),
                    table.valueLabel(), null, null, (key, value) -> {
                        tables.put(table.name(), key, value);
                        Notifications.success("Entry '" + key + "' added");
                        refreshTables(table.name());
                    }).open());
            add.setId("add-entry");
            Button settings = new Button("Settings", VaadinIcon.COG.create(), click -> new LookupTableDialog(table,
                    (name, changed) -> {
                        tables.update(name, changed);
                        Notifications.success("Lookup table '" + name + "' saved");
                        refreshTables(name);
                    }).open());
            settings.setId("edit-lookup-table");
            Button delete = new Button("Delete", VaadinIcon.TRASH.create(), click -> confirmDelete(table));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            delete.setId("delete-lookup-table");
            header.add(add, settings, delete);
        }
        header.add(exportLink(table));
        details.add(header);
        if (mayChange) {
            details.add(importRow(table));
        }
        entryGrid.setItems(query -> tables.entries(table.name(), entrySearch.getValue(), query.getOffset(),
                query.getLimit()).entrySet().stream().map(entry -> new Entry(entry.getKey(), text(entry.getValue()))));
        details.add(entryGrid);
        details.setFlexGrow(1, entryGrid);
    }

    private HorizontalLayout entryActions(Entry entry) {
        Button edit = new Button(VaadinIcon.EDIT.create(), click -> new EntryDialog(selected.keyLabel(),
                selected.valueLabel(), entry.key(), entry.value(), (key, value) -> {
                    tables.put(selected.name(), key, value);
                    Notifications.success("Entry '" + key + "' saved");
                    entryGrid.getDataProvider().refreshAll();
                }).open());
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        edit.setAriaLabel("Change " + entry.key());
        edit.addClassName("edit-entry");
        Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
            tables.remove(selected.name(), entry.key());
            Notifications.success("Entry '" + entry.key() + "' removed");
            refreshTables(selected.name());
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel("Remove " + entry.key());
        remove.addClassName("remove-entry");
        return new HorizontalLayout(edit, remove);
    }

    /** Loads a CSV file into the table, replacing its entries or merging into them; a wrong file changes nothing. */
    private HorizontalLayout importRow(LookupTable table) {
        importMode.setItems(REPLACE, MERGE);
        importMode.setValue(MERGE);
        importMode.setId("import-mode");
        importMode.setLabel("CSV import");
        Upload upload = new Upload();
        upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            upload.clearFileList();
            try {
                boolean replace = REPLACE.equals(importMode.getValue());
                int count = tables.importCsv(table.name(), new String(bytes, StandardCharsets.UTF_8), replace);
                Notifications.success(count + (count == 1 ? " entry " : " entries ") + (replace ? "loaded into '"
                        : "merged into '") + table.name() + "'");
                refreshTables(table.name());
            } catch (InvalidInputException e) {
                Notifications.error("Not imported: " + e.problems().stream()
                        .map(InvalidInputException.FieldProblem::message).collect(Collectors.joining("; ")));
            }
        }))));
        upload.setId("import-csv");
        upload.setAcceptedFileTypes("text/csv", ".csv");
        upload.setMaxFiles(1);
        upload.setDropAllowed(false);
        upload.setUploadButton(new Button("Import CSV…", VaadinIcon.UPLOAD.create()));
        HorizontalLayout row = new HorizontalLayout(importMode, upload);
        row.setAlignItems(FlexComponent.Alignment.END);
        Span header = new Span("Header row: " + table.keyLabel() + "," + table.valueLabel());
        header.addClassName("import-hint");
        row.add(header);
        return row;
    }

    private Anchor exportLink(LookupTable table) {
        Anchor export = new Anchor();
        export.add(VaadinIcon.DOWNLOAD.create());
        export.add(" Export CSV");
        export.setId("export-csv");
        export.setDownload(true);
        export.setHref(event -> {
            event.setFileName(table.name() + ".csv");
            event.setContentType("text/csv; charset=utf-8");
            event.getOutputStream().write(tables.exportCsv(table.name()).getBytes(StandardCharsets.UTF_8));
        });
        return export;
    }

    private void confirmDelete(LookupTable table) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-delete-lookup-table");
        confirm.setHeader("Delete lookup table '" + table.name() + "'?");
        confirm.setText("Its " + table.entries() + " entries go with it, for everyone. This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(confirmed -> {
            try {
                tables.delete(table.name());
                Notifications.success("Lookup table '" + table.name() + "' deleted");
                refreshTables(null);
            } catch (ConflictException refused) {
                Notifications.error("Not deleted: " + refused.getMessage());
            }
        });
        confirm.open();
    }

    /** Reloads the tables (their entry counts change) and selects {@code name} again (null: none). */
    private void refreshTables(String name) {
        List<LookupTable> all = tables.list();
        tableGrid.setItems(all);
        LookupTable again = name == null ? null : all.stream().filter(table -> table.name().equals(name)).findFirst()
                .orElse(null);
        if (again != null) {
            tableGrid.select(again);
            show(again);
        } else {
            tableGrid.deselectAll();
            show(null);
        }
    }

    private static String text(Object value) {
        return value instanceof String text ? text : PayloadJson.write(value);
    }
}
