package dev.junction.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts Junction: the UI, the backend services and REST API, and the database they use. The UI uses Vaadin's Lumo
 * theme (Vaadin 25 loads no theme by default) and Junction's own {@code styles.css}
 * ({@code src/main/resources/META-INF/resources}): views set class names, the stylesheet says how they look.
 */
@SpringBootApplication(scanBasePackages = "dev.junction")
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("styles.css")
public class JunctionApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(JunctionApplication.class, args);
    }
}
