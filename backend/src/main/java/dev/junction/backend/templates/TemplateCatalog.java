package dev.junction.backend.templates;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.InvalidInputException.FieldProblem;
import dev.junction.backend.api.NotFoundException;
import dev.junction.db.templates.StoredTemplateVersion;
import dev.junction.db.templates.TemplateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every template version there is: the bundled files ({@code classpath:templates/*.json}, read once at start,
 * each checked — one with problems is left out of the gallery and logged, and {@code BundledTemplatesTest} fails
 * naming it and the field) and the versions stored here (uploaded, saved from a workflow).
 */
@Component
class TemplateCatalog {

    static final String BUNDLED = "bundled";
    private static final Logger log = LoggerFactory.getLogger(TemplateCatalog.class);

    /** One template version and where it comes from. */
    record Entry(Template template, String source) {
    }

    private final TemplateRepository store;
    private final JsonMapper json;
    private final TemplateChecks checks;
    private volatile List<Entry> bundled;

    TemplateCatalog(TemplateRepository store, JsonMapper json, TemplateChecks checks) {
        this.store = store;
        this.json = json;
        this.checks = checks;
    }

    /** The bundled templates, each with its problems (empty when sound), by file name. */
    Map<String, BundledFile> bundledFiles() {
        Map<String, BundledFile> files = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:templates/*.json")) {
                try (InputStream in = resource.getInputStream()) {
                    Template template = read(in.readAllBytes());
                    files.put(resource.getFilename(), new BundledFile(template, checks.problems(template)));
                } catch (InvalidInputException e) {
                    files.put(resource.getFilename(), new BundledFile(null, e.problems()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the bundled templates", e);
        }
        return files;
    }

    /** A bundled file: the template (null when it does not read) and its problems. */
    record BundledFile(Template template, List<FieldProblem> problems) {
    }

    private List<Entry> bundled() {
        List<Entry> loaded = bundled;
        if (loaded == null) {
            List<Entry> sound = new ArrayList<>();
            bundledFiles().forEach((file, read) -> {
                if (read.problems().isEmpty()) {
                    sound.add(new Entry(read.template(), BUNDLED));
                } else {
                    log.error("The bundled template {} is left out of the gallery: {}", file, read.problems());
                }
            });
            loaded = List.copyOf(sound);
            bundled = loaded;
        }
        return loaded;
    }

    /** Every version of every template, by template id then version. */
    List<Entry> all() {
        List<Entry> entries = new ArrayList<>(bundled());
        for (StoredTemplateVersion stored : store.versions()) {
            try {
                entries.add(new Entry(read(stored.documentJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        stored.source()));
            } catch (InvalidInputException e) {
                log.error("The stored template {} version {} does not read: {}", stored.templateId(),
                        stored.version(), e.problems());
            }
        }
        entries.sort(Comparator.comparing((Entry entry) -> entry.template().id())
                .thenComparingInt(entry -> entry.template().version()));
        return entries;
    }

    /** The latest version of each template. */
    List<Entry> latest() {
        Map<String, Entry> latest = new TreeMap<>();
        all().forEach(entry -> latest.put(entry.template().id(), entry));
        return List.copyOf(latest.values());
    }

    Optional<Entry> find(String templateId, Integer version) {
        List<Entry> versions = all().stream().filter(entry -> entry.template().id().equals(templateId)).toList();
        if (version == null) {
            return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
        }
        return versions.stream().filter(entry -> entry.template().version() == version).findFirst();
    }

    Entry get(String templateId, Integer version) {
        return find(templateId, version).orElseThrow(() -> new NotFoundException(version == null
                ? "No template with id " + templateId
                : "Template " + templateId + " has no version " + version));
    }

    List<Integer> versions(String templateId) {
        return all().stream().filter(entry -> entry.template().id().equals(templateId))
                .map(entry -> entry.template().version()).toList();
    }

    Template read(byte[] document) {
        try {
            Template template = json.readValue(document, Template.class);
            if (template == null) {
                throw new InvalidInputException("template", "is required: a template document");
            }
            return template;
        } catch (JacksonException e) {
            throw new InvalidInputException("template", "is not a template document: " + e.getOriginalMessage());
        }
    }

    String write(Template template) {
        return json.writeValueAsString(template);
    }
}
