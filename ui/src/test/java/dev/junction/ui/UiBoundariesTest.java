package dev.junction.ui;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The ui talks to the database and to connectors only through backend services. (Which modules may depend on
 * which is checked by the enforcer plugin in each module's POM; this checks what Maven cannot see, since ui
 * reaches db and connector-catalog transitively through backend.)
 */
@AnalyzeClasses(packages = "dev.junction.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class UiBoundariesTest {

    @ArchTest
    static final ArchRule viewsDoNotTouchTheDatabase = noClasses().that().resideInAPackage("dev.junction.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "javax.sql..",
                    "dev.junction.db.schema..", "dev.junction.db.embedded..")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository");

    @ArchTest
    static final ArchRule viewsDoNotCallConnectors = noClasses().that().resideInAPackage("dev.junction.ui..")
            .should().dependOnClassesThat().resideInAPackage("dev.junction.connectors..");

    /** The ui gets connectors' descriptions; a connector object's {@code invoke} would reach remote systems. */
    @ArchTest
    static final ArchRule viewsHoldNoConnectorObjects = noClasses().that().resideInAPackage("dev.junction.ui..")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.junction.engine.connectors.Connector")
            .orShould().dependOnClassesThat()
            .haveFullyQualifiedName("dev.junction.engine.connectors.ConnectorCatalog");

    /** Feature packages do not import each other in a circle (links go through {@code shell.Routes}). */
    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("dev.junction.ui.(*)..")
            .should().beFreeOfCycles();

    /** The kit and the shell serve every feature and know none. */
    @ArchTest
    static final ArchRule sharedAndShellKnowNoFeature = noClasses()
            .that().resideInAnyPackage("dev.junction.ui.shared..", "dev.junction.ui.shell..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.junction.ui.account..", "dev.junction.ui.audit..",
                    "dev.junction.ui.connections..", "dev.junction.ui.runs..",
                    "dev.junction.ui.users..", "dev.junction.ui.workflows..");
}
