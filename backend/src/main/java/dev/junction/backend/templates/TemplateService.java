package dev.junction.backend.templates;

import dev.junction.backend.workflows.StoredDefinition;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Templates for the UI and the REST API alike (see docs/templates.md): the gallery, install (with the wizard's
 * resumable drafts), what an installed workflow remembers, its go-live checklist, upgrades to a newer template
 * version by a three-way merge, save-as-template and import fix-up. Reading is open to every role; installing,
 * drafts, upgrades and save-as need ADMIN or DESIGNER; uploading a template version needs ADMIN.
 */
public interface TemplateService {

    /** The gallery: latest version of each template, filtered by connector id and by text (both optional). */
    List<TemplateSummary> list(String connector, String text);

    /** One template (version null: the latest) for its preview. */
    TemplateDetail get(String templateId, Integer version);

    /** Admin: adds a template version (a new template, or a version above the latest); refused when invalid. */
    Template upload(Template template);

    /** Installs a template as a new draft workflow with its mappings; remembers the installation. */
    InstallResult install(InstallRequest request);

    InstallDraft createDraft(DraftInput input);

    InstallDraft updateDraft(UUID draftId, DraftInput input);

    InstallDraft getDraft(UUID draftId);

    /** The signed-in user's drafts not yet installed, newest first. */
    List<InstallDraft> myDrafts();

    void deleteDraft(UUID draftId);

    /** What the workflow remembers of its template, when it was installed from one. */
    Optional<Installation> installation(UUID workflowId);

    /** The go-live checklist of the workflow's latest version. */
    Readiness readiness(UUID workflowId);

    /**
     * The go-live checklist of a version the caller has just read or saved (the designer's save answers it), as it
     * is: not read and validated again.
     */
    Readiness readiness(StoredDefinition version);

    /** Sets who answers for the workflow (an existing user's name): a checklist item. */
    Readiness setOwner(UUID workflowId, String owner);

    /** The update offer when a newer template version than the installed one exists. */
    Optional<UpdateOffer> updateOffer(UUID workflowId);

    /** Applies the offer: the merged definition becomes the workflow's new version (a draft), the installation moves
     *  to the new template version. Refused (409) while the merge has conflicts unless {@code keepLocal} is true. */
    default InstallResult applyUpdate(UUID workflowId, Integer templateVersion, boolean keepLocal) {
        return applyUpdate(workflowId, templateVersion, keepLocal, java.util.Map.of());
    }

    /**
     * Applies the offer with a choice per conflict ({@code choices}: conflict key → {@code mine} or {@code theirs});
     * a conflict without a choice keeps the local value when {@code keepLocal}, else applying is refused (409).
     */
    InstallResult applyUpdate(UUID workflowId, Integer templateVersion, boolean keepLocal,
                              java.util.Map<String, String> choices);

    /** A workflow's version as a template (stored as an uploaded template, answered as its JSON). */
    Template saveAsTemplate(UUID workflowId, SaveAsTemplateRequest request);

    /**
     * Starts a test run (trigger {@code test}) of the workflow's latest version with {@code input}, else the sample
     * input of the template it was installed from: the wizard's "test run on the sandbox". Answers the run's id.
     */
    UUID testRun(UUID workflowId, java.util.Map<String, Object> input);

    /** The connections a definition names that do not exist here, with what they may be mapped to. */
    ImportFixUp fixUp(java.util.Map<String, Object> definition);
}
