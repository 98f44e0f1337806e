package dev.junction.ui.security;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every view × every role (and no sign-in at all): who may open it must be exactly what the matrix says, as Vaadin's
 * own access checker reads the views' annotations. A new view fails this test until it is added to the matrix.
 */
class ViewAccessMatrixTest {

    enum Who { ANONYMOUS, ADMIN, DESIGNER, OPERATOR, VIEWER }

    private static final Set<Who> SIGNED_IN = EnumSet.of(Who.ADMIN, Who.DESIGNER, Who.OPERATOR, Who.VIEWER);

    private static final Map<String, Set<Who>> MATRIX = Map.ofEntries(
            Map.entry("LoginView", EnumSet.allOf(Who.class)),
            Map.entry("HomeView", SIGNED_IN),
            Map.entry("DashboardView", SIGNED_IN),
            Map.entry("WorkflowsView", SIGNED_IN),
            Map.entry("WorkflowDesignerView", SIGNED_IN),
            Map.entry("RunsView", SIGNED_IN),
            Map.entry("RunDetailView", SIGNED_IN),
            Map.entry("AnomaliesView", SIGNED_IN),
            Map.entry("ErrorInboxView", SIGNED_IN),
            Map.entry("ConnectionsView", EnumSet.of(Who.ADMIN)),
            Map.entry("UsersView", EnumSet.of(Who.ADMIN)),
            Map.entry("AuditLogView", EnumSet.of(Who.ADMIN)),
            Map.entry("AccountView", SIGNED_IN),
            // every role reads mappings, lookup tables and rates (and previews); the services refuse changes
            Map.entry("MappingsView", SIGNED_IN),
            Map.entry("MappingEditorView", SIGNED_IN),
            Map.entry("LookupTablesView", SIGNED_IN),
            Map.entry("ExchangeRatesView", SIGNED_IN),
            Map.entry("AlertsView", SIGNED_IN),
            Map.entry("ReconciliationView", SIGNED_IN),
            Map.entry("ReconciliationRunView", SIGNED_IN),
            Map.entry("AlertChannelsView", EnumSet.of(Who.ADMIN, Who.OPERATOR)),
            // every role browses templates; setting one up makes a workflow (designers and admins)
            Map.entry("TemplatesView", SIGNED_IN),
            Map.entry("TemplatePreviewView", SIGNED_IN),
            Map.entry("TemplateWizardView", EnumSet.of(Who.ADMIN, Who.DESIGNER)));

    @Test
    void everyViewOpensForExactlyTheRolesOfTheMatrix() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        Map<String, Set<Who>> observed = new TreeMap<>();
        for (BeanDefinition view : scanner.findCandidateComponents("dev.junction.ui")) {
            Class<?> type = Class.forName(view.getBeanClassName());
            Set<Who> allowed = EnumSet.noneOf(Who.class);
            for (Who who : Who.values()) {
                Principal principal = who == Who.ANONYMOUS ? null : () -> "someone";
                if (checker.hasAccess(type, principal, role -> role.equals(who.name()))) {
                    allowed.add(who);
                }
            }
            observed.put(type.getSimpleName(), allowed);
        }

        assertThat(observed.keySet()).as("views the matrix does not list, or lists but are gone")
                .containsExactlyInAnyOrderElementsOf(MATRIX.keySet());
        assertThat(observed).isEqualTo(new TreeMap<>(MATRIX));
    }
}
