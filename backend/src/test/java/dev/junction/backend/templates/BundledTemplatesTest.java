package dev.junction.backend.templates;

import dev.junction.backend.BackendTestApplication;
import dev.junction.backend.api.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bundled template reads and passes the template checks — its definition, with each requirement standing for a
 * connection of its connector, passes the workflow validator — and a template whose workflow does not validate is
 * reported naming the field.
 */
@SpringBootTest(classes = BackendTestApplication.class)
class BundledTemplatesTest {

    @Autowired
    TemplateCatalog catalog;
    @Autowired
    TemplateChecks checks;

    @Test
    void everyBundledTemplateIsSound() {
        Map<String, TemplateCatalog.BundledFile> files = catalog.bundledFiles();
        assertThat(files.keySet()).contains("amazon-orders-to-dynamics.json");
        files.forEach((file, read) -> assertThat(read.problems()).as("problems of the bundled template " + file)
                .isEmpty());
        files.forEach((file, read) -> assertThat(file).isEqualTo(read.template().id() + ".json"));
    }

    @Test
    void aTemplateWhoseWorkflowDoesNotValidateIsReportedByField() {
        Template broken = catalog.read("""
                {"id": "broken", "version": 1, "name": "Broken", "description": "x", "connectors": ["opayo-pi"],
                 "requirements": [{"key": "opayo", "connector": "opayo-pi", "label": "Opayo"}],
                 "parameters": [{"key": "currency", "label": "Currency", "type": "enum", "options": ["GBP"],
                                 "defaultValue": "EUR"}],
                 "definition": {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}},
                   "nodes": [{"id": "pay", "type": "connector", "name": "Pay", "config": {
                     "connection": "${requirement.opayo}", "operation": "chargeCard"}, "position": {"x": 0, "y": 0}},
                     {"id": "ship", "type": "connector", "name": "Ship", "config": {
                     "connection": "${requirement.amazon}", "operation": "createFulfillmentOrder"},
                     "position": {"x": 0, "y": 0}}],
                   "edges": [{"from": "trigger", "fromPort": "out", "to": "pay"}]}}
                """.getBytes(StandardCharsets.UTF_8));
        List<FieldProblem> problems = checks.problems(broken);
        assertThat(problems).extracting(FieldProblem::field)
                .contains("parameters[0].defaultValue", "definition");
        assertThat(problems).anySatisfy(problem -> assertThat(problem.message())
                .contains("${requirement.amazon}"));

        Template unknownOperation = catalog.read("""
                {"id": "broken", "version": 1, "name": "Broken", "description": "x", "connectors": ["opayo-pi"],
                 "requirements": [{"key": "opayo", "connector": "opayo-pi", "label": "Opayo"}],
                 "definition": {"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}},
                   "nodes": [{"id": "pay", "type": "connector", "name": "Pay", "config": {
                     "connection": "${requirement.opayo}", "operation": "chargeCard"}, "position": {"x": 0, "y": 0}}],
                   "edges": [{"from": "trigger", "fromPort": "out", "to": "pay"}]}}
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(checks.problems(unknownOperation)).extracting(FieldProblem::field)
                .contains("definition.nodes[0].config.operation");
    }
}
