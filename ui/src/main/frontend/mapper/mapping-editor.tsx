import { ReactAdapterElement, type RenderHooks } from 'Frontend/generated/flow/ReactAdapter';
import { useEffect, type ReactElement } from 'react';
import type { Catalog } from '../shared/generated/catalog';
import type { LookupTableInfo, MappingDoc, MappingInfo, NodeContext, Permissions, TestCase } from './contract';
import { MappingEditor } from './MappingEditor';
import { mapperServer } from './server';
import { useMapper, type ConnectionInfo } from './store';

/**
 * The only file of the mapping editor that knows Vaadin: it copies the named states MappingEditorComponent.java sets
 * into the editor's store, and hands the store the server channel. `document` and `mapping` are set once when the
 * page opens (later documents come back as answers to save and restore).
 */
class MappingEditorElement extends ReactAdapterElement {
  protected override render(hooks: RenderHooks): ReactElement | null {
    const [document] = hooks.useState<MappingDoc | undefined>('document');
    const [mapping] = hooks.useState<MappingInfo | undefined>('mapping');
    const [catalog] = hooks.useState<Catalog | undefined>('catalog');
    const [lookupTables] = hooks.useState<LookupTableInfo[] | undefined>('lookupTables');
    const [connections] = hooks.useState<ConnectionInfo[] | undefined>('connections');
    const [permissions] = hooks.useState<Permissions | undefined>('permissions');
    const [context] = hooks.useState<NodeContext | null | undefined>('context');
    const [testCases] = hooks.useState<TestCase[] | undefined>('testCases');
    useEffect(() => useMapper.getState().set({ server: mapperServer(this) }), []);
    useEffect(() => {
      if (document && mapping) useMapper.getState().load(document, mapping);
    }, [document]);
    useEffect(() => useMapper.getState().set({ catalog: catalog ?? null }), [catalog]);
    useEffect(() => useMapper.getState().set({ lookupTables: lookupTables ?? [] }), [lookupTables]);
    useEffect(() => useMapper.getState().set({ connections: connections ?? [] }), [connections]);
    useEffect(() => useMapper.getState().set({ permissions: permissions ?? { edit: false, publish: false } }), [permissions]);
    useEffect(() => useMapper.getState().set({ context: context ?? null }), [context]);
    useEffect(() => useMapper.getState().set({ testCases: testCases ?? [] }), [testCases]);
    return <MappingEditor />;
  }
}

customElements.define('mapping-editor', MappingEditorElement);

/** Test hook (documented in docs/mapper.md): browser tests read and set the store through `window.__mapperStore`
 * (e.g. a sample, before the sample picker exists in a test's path). Never used by the editor itself. */
(window as unknown as { __mapperStore: typeof useMapper }).__mapperStore = useMapper;
