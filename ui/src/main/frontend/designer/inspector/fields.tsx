import type { ReactElement } from 'react';
import { ExpressionInput, type Scope } from '../../shared/expression-input/ExpressionInput';
import type { CustomField, ExpressionFieldProps, SchemaFormOptions } from '../../shared/schema-form/SchemaForm';
import type { ConnectionInfo, DesignerCatalog } from '../contract';
import { useDesigner } from '../store';
import { connectorOf } from './scope';

/** The SchemaForm options of one node's (or the trigger's) form: its problems, focus, expression editor, pickers. */
export function formOptions(nodeId: string, readOnly: boolean, scope: () => Scope, templates: (name: string) => boolean,
  custom: CustomField): SchemaFormOptions {
  const { problems, focusField } = useDesigner.getState();
  const byField = new Map(problems.filter((problem) => problem.nodeId === nodeId && problem.field)
    .map((problem) => [problem.field!, problem.message] as const));
  return {
    problem: (name) => byField.get(name),
    focusField,
    readOnly,
    templates,
    custom,
    expression: (props: ExpressionFieldProps) => <ExpressionField nodeId={nodeId} scope={scope} {...props} />,
  };
}

/** An expression field of the designer: previewed on the node's sample by the server. */
export function ExpressionField({ nodeId, scope, evaluated = true, ...props }: ExpressionFieldProps & { nodeId: string; scope: () => Scope; evaluated?: boolean }): ReactElement {
  const evaluate = (expression: string) => {
    const { server, document } = useDesigner.getState();
    if (!server || !document) return Promise.resolve({ outcome: 'error' as const, message: 'not connected to the server', position: null });
    return server.evaluate(expression, nodeId, document);
  };
  return (
    <ExpressionInput name={props.name} labelId={props.labelId} value={props.value} mode={props.mode} multiline={props.multiline}
      readOnly={props.readOnly} scope={scope} evaluate={evaluated ? evaluate : undefined} onCommit={props.onCommit} />
  );
}

/** A connection select: the connections of `connector` (all when undefined), marked sandbox or production. */
export function ConnectionPicker({ labelId, value, connections, connector, readOnly, onCommit }: {
  labelId: string; value: unknown; connections: ConnectionInfo[]; connector: string | undefined; readOnly: boolean;
  onCommit(next: unknown): void;
}): ReactElement {
  const offered = connections.filter((connection) => !connector || connection.connector === connector);
  const known = offered.some((connection) => connection.id === value);
  return (
    <select aria-labelledby={labelId} value={typeof value === 'string' ? value : ''} disabled={readOnly} aria-required="true"
      data-connector={connector ?? ''} onChange={(event) => onCommit(event.target.value === '' ? undefined : event.target.value)}>
      <option value="">— choose a connection —</option>
      {!known && typeof value === 'string' && value !== '' && <option value={value}>{value} (unknown)</option>}
      {offered.map((connection) => (
        <option key={connection.id} value={connection.id} data-sandbox={String(connection.sandbox)}>
          {connection.name} ({connection.sandbox ? 'sandbox' : 'production'})
        </option>
      ))}
    </select>
  );
}

/** An operation select: the operations of the connection's connector (or of every connector, grouped), of `kinds`. */
export function OperationPicker({ labelId, value, catalog, connector, kinds, readOnly, onCommit }: {
  labelId: string; value: unknown; catalog: DesignerCatalog | null; connector: string | undefined;
  kinds: string[]; readOnly: boolean; onCommit(operation: string | undefined, connector: string | undefined): void;
}): ReactElement {
  const connectors = (catalog?.connectors ?? []).filter((candidate) => !connector || candidate.id === connector);
  const encode = (connectorId: string, operation: string) => `${connectorId}\u0000${operation}`;
  const current = connectors.find((candidate) => candidate.operations.some((operation) => operation.id === value));
  return (
    <select aria-labelledby={labelId} value={current && typeof value === 'string' ? encode(current.id, value) : ''} disabled={readOnly}
      aria-required="true" onChange={(event) => {
        const [connectorId, operation] = event.target.value.split('\u0000');
        onCommit(operation || undefined, connectorId || undefined);
      }}>
      <option value="">— choose an operation —</option>
      {connectors.map((candidate) => (
        <optgroup key={candidate.id} label={candidate.name}>
          {candidate.operations.filter((operation) => kinds.includes(operation.kind)).map((operation) => (
            <option key={operation.id} value={encode(candidate.id, operation.id)} title={operation.description}>{operation.name}</option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

/** A plain select of named things (mappings, lookup tables, workflows). */
export function NamedPicker({ labelId, value, choices, readOnly, what, onCommit }: {
  labelId: string; value: unknown; choices: { id: string; name: string }[]; readOnly: boolean; what: string;
  onCommit(next: unknown): void;
}): ReactElement {
  const known = choices.some((choice) => choice.id === value);
  return (
    <select aria-labelledby={labelId} value={typeof value === 'string' ? value : ''} disabled={readOnly} aria-required="true"
      onChange={(event) => onCommit(event.target.value === '' ? undefined : event.target.value)}>
      <option value="">— choose {what} —</option>
      {!known && typeof value === 'string' && value !== '' && <option value={value}>{value} (unknown)</option>}
      {choices.map((choice) => <option key={choice.id} value={choice.id}>{choice.name}</option>)}
    </select>
  );
}

export { connectorOf };
