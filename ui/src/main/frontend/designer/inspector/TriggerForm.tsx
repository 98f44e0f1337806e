import { useEffect, useId, useState, type ReactElement } from 'react';
import type { Scope } from '../../shared/expression-input/ExpressionInput';
import { SchemaForm, setPath, type CustomField, type JsonSchema } from '../../shared/schema-form/SchemaForm';
import type { Kind, Trigger } from '../../shared/generated/workflow';
import type { CronPreview } from '../contract';
import { useDesigner } from '../store';
import { ConnectionPicker, formOptions, OperationPicker } from './fields';
import { connectorOf } from './scope';

/**
 * The connector whose connections a connection field may offer, as its schema's x-connector says per value of a
 * sibling field ({"kind": {"opayo-server": "opayo-pi"}}: while kind is opayo-server, opayo-pi connections).
 */
function requiredConnector(property: JsonSchema | undefined, siblings: Record<string, unknown> | undefined): string | undefined {
  const byField = property?.['x-connector'];
  if (!byField || typeof byField !== 'object') return undefined;
  for (const [field, byValue] of Object.entries(byField as Record<string, Record<string, string>>)) {
    const value = siblings?.[field];
    if (typeof value === 'string' && typeof byValue[value] === 'string') return byValue[value];
  }
  return undefined;
}

/** The trigger's Parameters pane: its kind, and per kind the webhook URL, cron with the next fire times, polling. */
export function TriggerForm({ trigger, readOnly, scope }: { trigger: Trigger; readOnly: boolean; scope: () => Scope }): ReactElement {
  const apply = useDesigner((state) => state.apply);
  const workflow = useDesigner((state) => state.workflow);
  const connections = useDesigner((state) => state.connections);
  const catalog = useDesigner((state) => state.catalog);
  useDesigner((state) => state.problems);
  useDesigner((state) => state.focusField);
  const kindId = useId();
  const config = (trigger.config ?? {}) as Record<string, unknown>;
  const kinds = catalog?.triggerKinds ?? [];
  const schema = kinds.find((kind) => kind.kind === trigger.kind)?.configSchema as JsonSchema | undefined;
  const [connectorHint, setConnectorHint] = useState<string | undefined>(undefined);

  const commit = (name: string, next: unknown) =>
    apply(`Trigger: ${name.replace(/^config\./, '')}`, (document) => ({ ...document, trigger: setPath(document.trigger, name, next) as Trigger }));
  const changeKind = (kind: Kind) =>
    apply(`Trigger kind: ${kind}`, (document) => {
      const keep = (document.trigger.config ?? {}) as Record<string, unknown>;
      const next: Record<string, unknown> = keep.businessKey !== undefined ? { businessKey: keep.businessKey } : {};
      return { ...document, trigger: { ...document.trigger, kind, config: next } };
    });

  const custom: CustomField = ({ name, labelId, value, readOnly: locked, onCommit }) => {
    if (name === 'config.verification.connection') {
      const connection = schema?.properties?.verification?.properties?.connection;
      return <ConnectionPicker labelId={labelId} value={value} connections={connections}
        connector={requiredConnector(connection, config.verification as Record<string, unknown> | undefined)} readOnly={locked} onCommit={onCommit} />;
    }
    if (trigger.kind === 'polling' && name === 'config.connection') {
      return <ConnectionPicker labelId={labelId} value={value} connections={connections} connector={connectorHint} readOnly={locked} onCommit={onCommit} />;
    }
    if (trigger.kind === 'polling' && name === 'config.operation') {
      return <OperationPicker labelId={labelId} value={value} catalog={catalog} connector={connectorOf(connections, config.connection)}
        kinds={['POLL']} readOnly={locked} onCommit={(next, connector) => { setConnectorHint(connector); onCommit(next); }} />;
    }
    if (name === 'config.timeZone') return <TimeZoneInput labelId={labelId} value={value} readOnly={locked} onCommit={onCommit} />;
    return undefined;
  };
  const options = formOptions('trigger', readOnly, scope, () => false, custom);

  return (
    <section className="inspector-pane pane-parameters" data-testid="pane-parameters" aria-label="Parameters">
      <header className="pane-header"><h3>Trigger</h3></header>
      <div className="field" data-testid="param" data-name="kind">
        <label className="field-title" htmlFor={kindId}>Kind</label>
        <select id={kindId} data-testid="trigger-kind" value={trigger.kind} disabled={readOnly}
          onChange={(event) => changeKind(event.target.value as Kind)}>
          {kinds.length === 0 && <option value={trigger.kind}>{trigger.kind}</option>}
          {kinds.map((kind) => <option key={kind.kind} value={kind.kind} title={kind.description}>{kind.title}</option>)}
        </select>
      </div>
      {trigger.kind === 'webhook' && <WebhookUrl url={workflow?.webhookUrl ?? null} />}
      {schema && <SchemaForm schema={schema} value={config} name="config" onCommit={commit} options={options} />}
      {(trigger.kind === 'schedule' || trigger.kind === 'polling') && (
        <CronNext cron={typeof config.cron === 'string' ? config.cron : ''} zone={typeof config.timeZone === 'string' ? config.timeZone : 'UTC'} />
      )}
    </section>
  );
}

function WebhookUrl({ url }: { url: string | null }): ReactElement {
  const [copied, setCopied] = useState(false);
  return (
    <div className="field webhook-url">
      <span className="field-title">Webhook URL</span>
      {url
        ? <>
          <code data-testid="webhook-url">{url}</code>
          <button type="button" data-testid="copy-webhook-url" aria-label="Copy the webhook URL"
            onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true), () => setCopied(false))}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        </>
        : <span data-testid="webhook-url" data-published="false">The URL appears when the workflow is published.</span>}
    </div>
  );
}

let zones: string[] | null = null;
function timeZones(): string[] {
  if (!zones) {
    const intl = Intl as unknown as { supportedValuesOf?(key: string): string[] };
    zones = intl.supportedValuesOf ? ['UTC', ...intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')] : ['UTC'];
  }
  return zones;
}

function TimeZoneInput({ labelId, value, readOnly, onCommit }: { labelId: string; value: unknown; readOnly: boolean; onCommit(next: unknown): void }): ReactElement {
  const shown = typeof value === 'string' ? value : '';
  const [text, setText] = useState(shown);
  const listId = useId();
  useEffect(() => setText(shown), [shown]);
  const done = () => { if (text !== shown) onCommit(text.trim() === '' ? undefined : text.trim()); };
  return (
    <>
      <input type="text" aria-labelledby={labelId} list={listId} value={text} readOnly={readOnly} placeholder="UTC"
        onChange={(event) => setText(event.target.value)} onBlur={done} onKeyDown={(event) => { if (event.key === 'Enter') done(); }} />
      <datalist id={listId}>{timeZones().map((zone) => <option key={zone} value={zone} />)}</datalist>
    </>
  );
}

/** The next five fire times of the committed cron, from the server (the scheduler's own reading of it). */
function CronNext({ cron, zone }: { cron: string; zone: string }): ReactElement | null {
  const server = useDesigner((state) => state.server);
  const [preview, setPreview] = useState<CronPreview | null>(null);
  useEffect(() => {
    if (!server || cron.trim() === '') { setPreview(null); return undefined; }
    let current = true;
    server.cronPreview(cron, zone).then((answer) => { if (current) setPreview(answer); },
      (failure: Error) => { if (current) setPreview({ outcome: 'error', message: failure.message }); });
    return () => { current = false; };
  }, [server, cron, zone]);
  if (!preview) return null;
  if (preview.outcome === 'error') return <div className="field-error" role="alert" data-testid="cron-error">{preview.message}</div>;
  return (
    <div className="cron-next">
      <span className="field-title">Next runs ({zone})</span>
      <ol data-testid="cron-next">{preview.times.map((time) => <li key={time}><time dateTime={time}>{formatTime(time, zone)}</time></li>)}</ol>
    </div>
  );
}

function formatTime(time: string, zone: string): string {
  try {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium', timeZone: zone }).format(new Date(time));
  } catch {
    return time;
  }
}
