import { ReactAdapterElement, type RenderHooks } from 'Frontend/generated/flow/ReactAdapter';
import { useEffect, type ReactElement } from 'react';
import type { ConnectionInfo, Definition, DesignerCatalog, Options, Overlay, Permissions, Problem, PublishGate, Samples, WorkflowInfo } from './contract';
import { Designer } from './Designer';
import { designerServer } from './server';
import { useDesigner } from './store';

/**
 * The only file of the designer that knows Vaadin: it copies the named states DesignerComponent.java sets into the
 * designer's store, and hands the store the server channel. `document` and `workflow` are set once when the page
 * opens (later documents come back as answers to save, restore and merge).
 */
class WorkflowDesignerElement extends ReactAdapterElement {
  protected override render(hooks: RenderHooks): ReactElement | null {
    const [document] = hooks.useState<Definition | undefined>('document');
    const [problems] = hooks.useState<Problem[] | undefined>('problems');
    const [workflow] = hooks.useState<WorkflowInfo | undefined>('workflow');
    const [catalog] = hooks.useState<DesignerCatalog | undefined>('catalog');
    const [connections] = hooks.useState<ConnectionInfo[] | undefined>('connections');
    const [options] = hooks.useState<Options | undefined>('options');
    const [permissions] = hooks.useState<Permissions | undefined>('permissions');
    const [samples] = hooks.useState<Samples | undefined>('samples');
    const [publishGate] = hooks.useState<PublishGate | null | undefined>('publishGate');
    const [overlay] = hooks.useState<Overlay | null | undefined>('overlay');
    useEffect(() => useDesigner.getState().set({ server: designerServer(this) }), []);
    useEffect(() => {
      if (!document || !workflow) return;
      useDesigner.getState().load(document, workflow);
      // the server validated the document it opened: no need to send it back to be validated again
      if (problems) useDesigner.getState().set({ problems, checked: document });
    }, [document]);
    useEffect(() => {
      if (workflow) useDesigner.getState().set({ workflow });
    }, [workflow]);
    useEffect(() => useDesigner.getState().set({ catalog: catalog ?? null }), [catalog]);
    useEffect(() => useDesigner.getState().set({ connections: connections ?? [] }), [connections]);
    useEffect(() => useDesigner.getState().set({ options: options ?? { mappings: [], lookupTables: [], workflows: [] } }), [options]);
    useEffect(() => useDesigner.getState().set({ permissions: permissions ?? { edit: false, publish: false, run: false } }), [permissions]);
    useEffect(() => useDesigner.getState().set({ samples: samples ?? {} }), [samples]);
    useEffect(() => useDesigner.getState().set({ publishGate: publishGate ?? null }), [publishGate]);
    useEffect(() => {
      const { comparison, set } = useDesigner.getState();
      // a comparison belongs to the run it was made on: another run (or none) on the canvas ends it
      set({ overlay: overlay ?? null, comparison: comparison && overlay && comparison.runId === overlay.runId ? comparison : null });
    }, [overlay]);
    return <Designer />;
  }
}

customElements.define('workflow-designer', WorkflowDesignerElement);
