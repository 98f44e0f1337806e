package dev.junction.ui.templates;

import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.react.ReactAdapterComponent;

/**
 * A template's workflow on the designer's React Flow canvas, read only ({@code templates/template-canvas.tsx}): no
 * toolbar, palette or inspector, nothing to drag or connect. Java → React: {@code document} (the definition as plain
 * JSON values) and {@code catalog}. The npm packages are the designer's ({@code DesignerComponent} pins them).
 */
@Tag("template-canvas")
@JsModule("./templates/template-canvas.tsx")
@CssImport("@xyflow/react/dist/style.css")
public class TemplateCanvas extends ReactAdapterComponent implements HasSize {

    public TemplateCanvas(Object document, Object catalog) {
        setState("catalog", catalog);
        setState("document", document);
        setHeight("420px");
        setWidthFull();
    }
}
