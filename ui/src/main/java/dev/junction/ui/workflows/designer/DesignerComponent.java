package dev.junction.ui.workflows.designer;

import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.react.ReactAdapterComponent;

/**
 * The workflow designer ({@code designer/workflow-designer.tsx}, React Flow underneath) as a Flow component.
 * Java → React through named states: {@code document}, {@code workflow}, {@code catalog}, {@code connections}, {@code options},
 * {@code permissions}, {@code samples}, {@code overlay} (shapes in {@code designer/contract.ts}). React → Java through
 * {@code @ClientCallable} methods called at commit points (typed in {@code designer/server.ts}); each takes and answers
 * JSON text.
 */
@Tag("workflow-designer")
@JsModule("./designer/workflow-designer.tsx")
@NpmPackage(value = "@xyflow/react", version = "12.12.1")
@NpmPackage(value = "zustand", version = "5.1.0")
@NpmPackage(value = "elkjs", version = "0.12.2")
@NpmPackage(value = "@codemirror/state", version = "6.7.6")
@NpmPackage(value = "@codemirror/view", version = "6.44.2")
@NpmPackage(value = "@codemirror/commands", version = "6.11.2")
@NpmPackage(value = "@codemirror/language", version = "6.13.1")
@NpmPackage(value = "@codemirror/autocomplete", version = "6.20.4")
@NpmPackage(value = "@codemirror/lint", version = "6.9.8")
@NpmPackage(value = "@codemirror/lang-json", version = "6.0.2")
@NpmPackage(value = "@codemirror/lang-javascript", version = "6.2.5")
@NpmPackage(value = "html-to-image", version = "1.11.13")
@CssImport("@xyflow/react/dist/style.css")
public class DesignerComponent extends ReactAdapterComponent implements HasSize {
}
