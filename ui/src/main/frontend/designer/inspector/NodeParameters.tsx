import { useEffect, useState, type ReactElement } from 'react';
import type { Scope } from '../../shared/expression-input/ExpressionInput';
import { SchemaForm, setPath, type CustomField, type JsonSchema } from '../../shared/schema-form/SchemaForm';
import type { Node } from '../../shared/generated/workflow';
import { schemaKey, updateNode, useDesigner } from '../store';
import { ConnectionPicker, ExpressionField, formOptions, NamedPicker, OperationPicker } from './fields';
import { InlineMapping } from './InlineMapping';
import { connectorOf, operationKeyOf } from './scope';

/** The retry policy and error handling every node has (workflow.schema.json's RetryPolicy and OnError). */
const RETRY_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    retry: {
      type: 'object',
      title: 'Retry',
      description: 'Default: retried for 15 minutes from the first failure, 1 s first delay, at most 60 s, doubling.',
      properties: {
        budget: { type: 'string', title: 'Retry budget', description: 'How long to keep retrying, ISO 8601 (e.g. PT15M).', default: 'PT15M' },
        maxAttempts: { type: 'integer', title: 'Attempts', description: 'At most this many attempts.', minimum: 1 },
        initialDelayMillis: { type: 'integer', title: 'First delay (ms)', default: 1000, minimum: 0 },
        maxDelayMillis: { type: 'integer', title: 'Longest delay (ms)', default: 60000, minimum: 0 },
        multiplier: { type: 'number', title: 'Multiplier', default: 2, minimum: 1 },
      },
    },
    onError: {
      type: 'string', title: 'On error', enum: ['fail', 'continue', 'error'], default: 'fail',
      description: 'fail: the run fails; continue: the output is empty and the run goes on; error: the run follows the error port.',
    },
  },
};

/** Node types whose text fields (not only x-expression ones) hold {{ expression }} templates. */
const TEMPLATE_FIELDS: Record<string, RegExp> = {
  connector: /^config\.input(\.|\[|$)/,
  waitUntil: /^config\.input(\.|\[|$)/,
  notify: /^config\.(message|to|subject)$/,
};

/** The Parameters pane of a node: its name, the form of its kind's config (a connector's with its operation's input),
 * and the retry / error handling section. One history entry per committed field. */
export function NodeParameters({ node, readOnly, scope }: { node: Node; readOnly: boolean; scope: () => Scope }): ReactElement {
  const catalog = useDesigner((state) => state.catalog);
  const connections = useDesigner((state) => state.connections);
  const options = useDesigner((state) => state.options);
  useDesigner((state) => state.problems);
  useDesigner((state) => state.focusField);
  const apply = useDesigner((state) => state.apply);
  // the connector chosen before a connection is: filters the connection and operation pickers
  const [connectorHint, setConnectorHint] = useState<string | undefined>(undefined);

  const kind = catalog?.nodeKinds.find((candidate) => candidate.type === node.type);
  const config = (node.config ?? {}) as Record<string, unknown>;
  const usesOperation = node.type === 'connector' || node.type === 'waitUntil';
  const connector = connectorOf(connections, config.connection) ?? connectorHint;
  const called = usesOperation ? operationKeyOf(catalog, connections, config, connector) : undefined;
  const operation = called?.found;
  const operationConnector = called?.connector;
  // the operation's input schema (the catalog the page opens with has none): asked for once, when first needed
  const key = called ? schemaKey(called) : null;
  const schemas = useDesigner((state) => (key ? state.schemas[key] : undefined));
  useEffect(() => {
    if (called && !schemas) useDesigner.getState().needSchemas([{ connector: called.connector, operation: called.operation }]);
  }, [key, schemas]);

  const commit = (name: string, next: unknown) =>
    apply(`${node.name}: ${name.replace(/^config\./, '')}`, (document) => updateNode(document, node.id, (current) => setPath(current, name, next) as Node));

  let schema = (kind?.configSchema ?? { type: 'object' }) as JsonSchema;
  if (usesOperation && schema.properties && typeof config.input !== 'string') {
    const input = (schemas?.inputSchema ?? { type: 'object' }) as JsonSchema;
    const description = !operation ? 'Choose an operation first.'
      : schemas ? operation.description : `${operation.description} (loading its fields…)`;
    schema = { ...schema, properties: { ...schema.properties, input: { ...input, title: 'Input', description } } };
  }
  const template = TEMPLATE_FIELDS[node.type];
  const custom: CustomField = ({ name, labelId, value, readOnly: locked, onCommit }) => {
    if (usesOperation && name === 'config.connection') {
      return <ConnectionPicker labelId={labelId} value={value} connections={connections} connector={operationConnector ?? connectorHint}
        readOnly={locked} onCommit={onCommit} />;
    }
    if (usesOperation && name === 'config.operation') {
      return <OperationPicker labelId={labelId} value={value} catalog={catalog} connector={connectorOf(connections, config.connection)}
        kinds={['ACTION', 'POLL']} readOnly={locked} onCommit={(next, connectorId) => { setConnectorHint(connectorId); onCommit(next); }} />;
    }
    if (usesOperation && name === 'config.input' && typeof value === 'string') {
      return <ExpressionField nodeId={node.id} scope={scope} name={name} labelId={labelId} value={value} mode="template" multiline={false}
        readOnly={locked} onCommit={(text) => onCommit(text === '' ? undefined : text)} />;
    }
    if (node.type === 'map' && name === 'config.mapping') {
      return <InlineMapping nodeId={node.id} nodeName={node.name} labelId={labelId} value={value} choices={options.mappings}
        readOnly={locked} onCommit={onCommit} />;
    }
    if (node.type === 'lookup' && name === 'config.table') {
      return <NamedPicker labelId={labelId} value={value} choices={options.lookupTables.map((table) => ({ id: table.name, name: table.name }))}
        readOnly={locked} what="a table" onCommit={onCommit} />;
    }
    if (node.type === 'subflow' && name === 'config.workflow') {
      return <NamedPicker labelId={labelId} value={value} choices={options.workflows} readOnly={locked} what="a workflow" onCommit={onCommit} />;
    }
    if (node.type === 'script' && name === 'config.code') {
      return <ExpressionField nodeId={node.id} scope={scope} evaluated={false} name={name} labelId={labelId}
        value={typeof value === 'string' ? value : ''} mode="raw" multiline readOnly={locked} onCommit={(text) => onCommit(text === '' ? undefined : text)} />;
    }
    return undefined;
  };
  const form = formOptions(node.id, readOnly, scope, (name) => Boolean(template?.test(name)), custom);
  if (node.type === 'map') {
    // problems inside an inline mapping (config.mapping.rules[2].target) mark the mapping field; each shows on its rule
    const own = form.problem;
    const nested = useDesigner.getState().problems.filter((problem) => problem.nodeId === node.id && problem.field?.startsWith('config.mapping.'));
    form.problem = (name) => own?.(name) ?? (name === 'config.mapping' && nested.length > 0
      ? `${nested.length} ${nested.length === 1 ? 'problem' : 'problems'} in the mapping, shown with its rules` : undefined);
  }

  return (
    <section className="inspector-pane pane-parameters" data-testid="pane-parameters" aria-label="Parameters"
      data-operation-schema={called ? (schemas ? 'loaded' : 'loading') : undefined}>
      <header className="pane-header"><h3>Parameters</h3><span className="pane-kind">{kind?.title ?? node.type}</span></header>
      <SchemaForm schema={{ type: 'object', properties: { name: { type: 'string', title: 'Name' } }, required: ['name'] }}
        value={node} name="" onCommit={(_, next) => {
          if (typeof next === 'string' && next.trim() !== '') apply(`Rename ${node.name} to ${next}`, (document) => updateNode(document, node.id, (current) => ({ ...current, name: next.trim() })));
        }} options={{ ...form, custom: undefined, templates: undefined }} />
      {usesOperation && operation && (
        <label className="input-mode">
          <input type="checkbox" checked={typeof config.input === 'string'} disabled={readOnly}
            onChange={(event) => commit('config.input', event.target.checked ? '{{ trigger }}' : undefined)} />
          The whole input is one expression
        </label>
      )}
      {!kind && <p className="pane-empty">Loading the node kinds…</p>}
      {kind && <SchemaForm schema={schema} value={config} name="config" onCommit={commit} options={form} />}
      <details className="retry-section" open={Boolean(node.retry || node.onError) || Boolean(useDesigner.getState().focusField?.match(/^(retry|onError)/))}>
        <summary>Retry and errors</summary>
        <SchemaForm schema={RETRY_SCHEMA} value={node} name="" onCommit={commit} options={{ ...form, custom: undefined, templates: undefined }} />
      </details>
    </section>
  );
}
