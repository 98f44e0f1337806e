package dev.junction.ui.mappings.editor;

import dev.junction.backend.mappings.MappingService;
import dev.junction.engine.json.PayloadJson;
import dev.junction.ui.mappings.editor.MapperContract.OutputDifference;
import dev.junction.ui.mappings.editor.MapperContract.SavedTestCase;
import dev.junction.ui.mappings.editor.MapperContract.TestResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The mapping editor's samples and test cases through its presenter, on real services, as different roles. */
@SpringBootTest(classes = MapperTestApplication.class)
class MappingEditorPresenterTest {

    private static final String MAPPING = """
            {"schemaVersion": 1, "target": {"schema": {"type": "object", "properties": {
              "id": {"type": "string"}, "country": {"type": "string"}}}},
             "rules": [{"target": "id", "from": "OrderId"},
                       {"target": "country", "from": "Country", "pipe": [{"fn": "upper"}]}]}""";

    @Autowired
    MappingEditorPresenters presenters;
    @Autowired
    MappingService mappings;

    UUID mappingId;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void aMappingMadeByADesigner() {
        signedIn("dana", "DESIGNER");
        mappingId = mappings.create("Edited " + UUID.randomUUID(), "",
                (Map<String, Object>) PayloadJson.read(MAPPING)).id();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signedIn(String name, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name,
                null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
    }

    @Test
    void aTestCaseSavedFromACsvSampleFailsOnAChangedRuleWithThePathAndPassesAfterTheRevert() {
        MappingEditorPresenter presenter = presenters.forMapping(mappingId);
        Object sample = presenter.samples().parse("csv", "OrderId,Country\nA-1, gb\n").sample();
        Object output = presenter.preview(presenter.document(), sample).output();

        SavedTestCase saved = presenter.testCases().save("GB order", sample, output);

        assertThat(saved.error()).isNull();
        assertThat(presenter.testCases().list()).extracting(MapperContract.TestCase::name).containsExactly("GB order");
        assertThat(presenter.testCases().run(presenter.document())).extracting(TestResult::passed).containsExactly(true);
        Object changed = PayloadJson.read(MAPPING.replace("\"upper\"", "\"lower\""));
        TestResult failing = presenter.testCases().run(changed).getFirst();
        assertThat(failing.passed()).isFalse();
        assertThat(failing.differences()).containsExactly(new OutputDifference("country", "changed", " GB", " gb"));
        assertThat(presenter.testCases().run(presenter.document()).getFirst().passed()).isTrue();

        assertThat(presenter.testCases().delete(saved.id()).error()).isNull();
        assertThat(presenter.testCases().list()).isEmpty();
        assertThat(presenter.testCases().delete("not-an-id").error()).contains("not-an-id");
    }

    @Test
    void aViewerPreviewsAndRunsTestsWithOwnSamplesButSavesNoTestAndFetchesNothing() {
        MappingEditorPresenter designer = presenters.forMapping(mappingId);
        SavedTestCase kept = designer.testCases().save("Kept", Map.of("OrderId", "K"), Map.of("id", "K"));
        signedIn("vera", "VIEWER");
        MappingEditorPresenter presenter = presenters.forMapping(mappingId);

        assertThat(presenter.testCases().save("Mine", Map.of(), Map.of()).error())
                .isEqualTo("Your role may not change a mapping's test cases.");
        assertThat(presenter.testCases().delete(kept.id()).error())
                .isEqualTo("Your role may not change a mapping's test cases.");
        assertThat(presenter.testCases().run(presenter.document())).extracting(TestResult::passed)
                .containsExactly(true);
        assertThat(presenter.samples().fetch("any", "getOrder").error()).startsWith("Your role may not read");
        assertThat(presenter.samples().recentRuns()).as("no map node ran this mapping yet").isEmpty();
        assertThat(presenter.samples().parse("xml", "<Order><OrderId>1</OrderId>").error())
                .startsWith("not well-formed XML");
        Map<String, Object> schema = presenter.samples().inferSchema(Map.of("OrderId", "X"));
        assertThat(schema.get("properties")).isEqualTo(Map.of("OrderId", Map.of("type", "string")));
        assertThat(presenter.samples().generate("sp-api/Order")).isInstanceOf(Map.class);
        assertThat(presenter.samples().generate("no/such-schema")).isNull();
    }
}
