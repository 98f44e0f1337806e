package dev.junction.ui.mappings.editor;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.react.ReactAdapterComponent;
import static dev.junction.ui.shared.ChannelJson.answer;
import static dev.junction.ui.shared.ChannelJson.read;

import java.util.ArrayList;
import java.util.List;

/**
 * The mapping editor ({@code mapper/mapping-editor.tsx}) as a Flow component. Java → React through named states:
 * {@code document}, {@code mapping}, {@code catalog}, {@code lookupTables}, {@code connections}, {@code permissions},
 * {@code context}, {@code testCases} (shapes in {@code mapper/contract.ts}). React → Java through
 * {@code @ClientCallable} methods (typed in {@code mapper/server.ts}); each takes and answers JSON text. The npm
 * packages the designer pins (React Flow, zustand, CodeMirror) are shared; the editor adds a virtualiser and fuzzy
 * search.
 */
@Tag("mapping-editor")
@JsModule("./mapper/mapping-editor.tsx")
@NpmPackage(value = "@tanstack/react-virtual", version = "3.14.28")
@NpmPackage(value = "fuse.js", version = "7.5.0")
@NpmPackage(value = "zustand", version = "5.1.0")
public class MappingEditorComponent extends ReactAdapterComponent implements HasSize {

    private final MappingEditorPresenter presenter;
    private final MappingSamplesPresenter samples;
    private final MappingTestCasesPresenter testCases;
    private final List<Runnable> changeListeners = new ArrayList<>();

    public MappingEditorComponent(MappingEditorPresenter presenter) {
        this.presenter = presenter;
        this.samples = presenter.samples();
        this.testCases = presenter.testCases();
        setState("document", presenter.document());
        setState("mapping", presenter.mapping());
        setState("catalog", presenter.catalog());
        setState("lookupTables", presenter.lookupTables());
        setState("connections", presenter.connections());
        setState("permissions", presenter.permissions());
        setState("context", null);
        setState("testCases", testCases.list());
    }

    /** Opened from a workflow's map node: its schemas and recent inputs. */
    public void setContext(MapperContract.NodeContext context) {
        setState("context", context);
    }

    /** Listens to versions saved, published or restored here (the page around the editor shows the version). */
    public void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    private void changed() {
        changeListeners.forEach(Runnable::run);
    }

    @ClientCallable
    public String preview(String document, String sample) {
        return answer(presenter.preview(read(document, Object.class), read(sample, Object.class)));
    }

    @ClientCallable
    public String save(String document, String baseVersion, String comment) {
        MapperContract.SaveResult result = presenter.save(read(document, Object.class),
                read(baseVersion, Integer.class), read(comment, String.class));
        if ("saved".equals(result.kind())) {
            changed();
        }
        return answer(result);
    }

    @ClientCallable
    public String publish(String version) {
        MapperContract.PublishResult result = presenter.publish(read(version, Integer.class));
        if ("published".equals(result.kind())) {
            changed();
        }
        return answer(result);
    }

    @ClientCallable
    public String versions() {
        return answer(presenter.versions());
    }

    @ClientCallable
    public String versionDocument(String version) {
        return answer(presenter.versionDocument(read(version, Integer.class)));
    }

    @ClientCallable
    public String diff(String from, String to) {
        return answer(presenter.diff(read(from, Integer.class), read(to, Integer.class)));
    }

    @ClientCallable
    public String restore(String version, String baseVersion) {
        MapperContract.SaveResult result = presenter.restore(read(version, Integer.class),
                read(baseVersion, Integer.class));
        if ("saved".equals(result.kind())) {
            changed();
        }
        return answer(result);
    }

    @ClientCallable
    public String suggest(String source, String target) {
        return answer(presenter.suggest(read(source, Object.class), read(target, Object.class)));
    }

    @ClientCallable
    public String inferSchema(String sample) {
        return answer(samples.inferSchema(read(sample, Object.class)));
    }

    @ClientCallable
    public String generateSample(String schema) {
        return answer(samples.generate(read(schema, Object.class)));
    }

    @ClientCallable
    public String parseSample(String format, String text) {
        return answer(samples.parse(read(format, String.class), read(text, String.class)));
    }

    @ClientCallable
    public String fetchSample(String connectionId, String operation) {
        return answer(samples.fetch(read(connectionId, String.class), read(operation, String.class)));
    }

    @ClientCallable
    public String runSamples() {
        return answer(samples.recentRuns());
    }

    @ClientCallable
    public String saveTestCase(String name, String sample, String expected) {
        MapperContract.SavedTestCase saved = testCases.save(read(name, String.class), read(sample, Object.class),
                read(expected, Object.class));
        if (saved.error() == null) {
            setState("testCases", testCases.list());
        }
        return answer(saved);
    }

    @ClientCallable
    public String deleteTestCase(String id) {
        MapperContract.Refusal refusal = testCases.delete(read(id, String.class));
        if (refusal.error() == null) {
            setState("testCases", testCases.list());
            return answer(null);
        }
        return answer(refusal);
    }

    @ClientCallable
    public String runTests(String document) {
        return answer(testCases.run(read(document, Object.class)));
    }
}
