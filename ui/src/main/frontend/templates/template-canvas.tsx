import { ReactAdapterElement, type RenderHooks } from 'Frontend/generated/flow/ReactAdapter';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, type ReactElement } from 'react';
import type { Catalog } from '../shared/generated/catalog';
import { Canvas } from '../designer/canvas/Canvas';
import type { Definition } from '../designer/contract';
import '../designer/designer.css';
import { useDesigner } from '../designer/store';

/**
 * A template's workflow drawn READ-ONLY with the designer's own canvas (a wrapper: the designer's files are not
 * touched). The designer's store is loaded with every permission off, so the canvas neither drags, connects nor
 * deletes; there is no toolbar, palette or side panel. Named states from TemplateCanvas.java: `document` (the
 * template's definition) and `catalog`.
 */
class TemplateCanvasElement extends ReactAdapterElement {
  protected override render(hooks: RenderHooks): ReactElement | null {
    const [document] = hooks.useState<Definition | undefined>('document');
    const [catalog] = hooks.useState<Catalog | undefined>('catalog');
    useEffect(() => {
      useDesigner.getState().set({ permissions: { edit: false, publish: false, run: false }, server: null, overlay: null, diff: null, problems: [] });
    }, []);
    useEffect(() => useDesigner.getState().set({ catalog: catalog ?? null }), [catalog]);
    useEffect(() => {
      if (document) useDesigner.getState().load(document, { id: 'template', name: 'Template', baseVersion: null, publishedVersion: null, webhookUrl: null });
    }, [document]);
    const nodes = document ? document.nodes.length + 1 : 0;
    return (
      <ReactFlowProvider>
        <div className="designer" data-testid="template-canvas" data-read-only="true" data-ready={document ? 'true' : 'false'}
          data-nodes={String(nodes)}>
          <div className="wd-body">
            <main className="wd-main" aria-label="Canvas (read only)">
              <Canvas />
            </main>
          </div>
        </div>
      </ReactFlowProvider>
    );
  }
}

customElements.define('template-canvas', TemplateCanvasElement);
