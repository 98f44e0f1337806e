package dev.junction.ui.mappings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.catalog.Catalog;
import dev.junction.backend.catalog.CatalogService;
import dev.junction.backend.mappings.MappingService;
import dev.junction.db.mappings.StoredMapping;
import dev.junction.ui.shared.Notifications;
import dev.junction.ui.shared.Times;
import dev.junction.ui.shell.Routes;
import jakarta.annotation.security.PermitAll;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The stored mappings: search, create (name, description, the shipped schemas of both sides) and open the editor,
 * rename / describe, delete (refused, with the workflows named, while a published workflow uses it). Viewers and
 * operators see the list and open mappings read-only.
 */
@Route("mappings")
@PageTitle("Mappings · Junction")
@Menu(title = "Mappings", order = 4, icon = "vaadin:exchange")
@PermitAll
public class MappingsView extends VerticalLayout {

    private final MappingService mappings;
    private final CatalogService catalog;
    private final Grid<StoredMapping> grid = new Grid<>(StoredMapping.class, false);
    private final TextField search = new TextField();

    public MappingsView(MappingService mappings, CatalogService catalog) {
        this.mappings = mappings;
        this.catalog = catalog;
        boolean mayChange = mappings.currentUserMayChange();
        setSizeFull();

        search.setPlaceholder("Search by name or description");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("24em");
        search.setId("mapping-search");
        search.addValueChangeListener(change -> refresh());

        HorizontalLayout toolbar = new HorizontalLayout(new H2("Mappings"), search);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (mayChange) {
            Button create = new Button("New mapping", VaadinIcon.PLUS.create(), click -> openCreateDialog());
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("new-mapping");
            toolbar.add(create);
        }
        configureGrid(mayChange);
        add(toolbar, grid);
        expand(grid);
        refresh();
    }

    private void configureGrid(boolean mayChange) {
        grid.setId("mappings");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(StoredMapping::name).setHeader("Name").setFlexGrow(2).setKey("name").setSortable(true)
                .setComparator(Comparator.comparing(StoredMapping::name, String.CASE_INSENSITIVE_ORDER));
        grid.addColumn(StoredMapping::description).setHeader("Description").setFlexGrow(3);
        grid.addColumn(StoredMapping::latestVersion).setHeader("Latest version").setKey("latest")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(MappingsView::published).setHeader("Published").setKey("published")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(mapping -> Times.when(mapping.updatedAt())).setHeader("Updated").setAutoWidth(true)
                .setSortable(true).setComparator(Comparator.comparing(StoredMapping::updatedAt));
        grid.addColumn(StoredMapping::updatedBy).setHeader("By").setAutoWidth(true);
        if (mayChange) {
            grid.addComponentColumn(this::actions).setHeader("").setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                    .setFlexGrow(0);
        }
        grid.addItemClickListener(click -> open(click.getItem()));
        grid.setEmptyStateText("No mappings yet.");
    }

    private static Span published(StoredMapping mapping) {
        Span badge = new Span(mapping.publishedVersion() == null ? "not published"
                : "version " + mapping.publishedVersion());
        badge.getElement().getThemeList().add(mapping.publishedVersion() == null ? "badge contrast" : "badge success");
        badge.getElement().setAttribute("data-published", mapping.publishedVersion() == null ? ""
                : Integer.toString(mapping.publishedVersion()));
        return badge;
    }

    private void refresh() {
        String wanted = search.getValue().strip().toLowerCase(Locale.ROOT);
        List<StoredMapping> shown = mappings.list().stream()
                .filter(mapping -> wanted.isEmpty() || mapping.name().toLowerCase(Locale.ROOT).contains(wanted)
                        || mapping.description().toLowerCase(Locale.ROOT).contains(wanted))
                .toList();
        grid.setItems(shown);
    }

    private HorizontalLayout actions(StoredMapping mapping) {
        Button rename = new Button(VaadinIcon.EDIT.create(), click -> openRenameDialog(mapping));
        rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        rename.setAriaLabel("Rename or describe " + mapping.name());
        rename.setTooltipText("Rename or describe");
        rename.addClassName("rename-mapping");
        Button delete = new Button(VaadinIcon.TRASH.create(), click -> confirmDelete(mapping));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel("Delete " + mapping.name());
        delete.setTooltipText("Delete");
        delete.addClassName("delete-mapping");
        return new HorizontalLayout(rename, delete);
    }

    private void open(StoredMapping mapping) {
        getUI().ifPresent(ui -> ui.navigate(Routes.mapping(mapping.id())));
    }

    private void openCreateDialog() {
        List<String> schemaIds = catalog.catalog().schemas().stream().map(Catalog.NamedSchema::id).toList();
        MappingDialog.forNew(schemaIds, typed -> {
            StoredMapping created = mappings.create(typed.name(), typed.description(),
                    InitialDefinition.of(typed.sourceSchema(), typed.targetSchema()));
            Notifications.success("Mapping '" + created.name() + "' created");
            open(created);
        }).open();
    }

    private void openRenameDialog(StoredMapping mapping) {
        MappingDialog.forRename(mapping.name(), mapping.description(), typed -> {
            StoredMapping renamed = mappings.rename(mapping.id(), typed.name(), typed.description());
            refresh();
            Notifications.success("Mapping '" + renamed.name() + "' saved");
        }).open();
    }

    /** Asks before deleting; a mapping a published workflow uses is refused, and the refusal names the workflows. */
    private void confirmDelete(StoredMapping mapping) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("confirm-delete-mapping");
        confirm.setHeader("Delete mapping '" + mapping.name() + "'?");
        confirm.setText("Its " + (mapping.latestVersion() == 1 ? "only version goes" : "all "
                + mapping.latestVersion() + " versions go") + " with it, for everyone. This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(confirmed -> {
            try {
                mappings.delete(mapping.id());
                Notifications.success("Mapping '" + mapping.name() + "' deleted");
            } catch (ConflictException refused) {
                Notifications.error("Not deleted: " + refused.getMessage());
            }
            refresh();
        });
        confirm.open();
    }
}
