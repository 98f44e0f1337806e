import { useEffect, useRef, useState } from 'react';
import type { MappingFunction } from '../../shared/generated/catalog';
import { setRule } from '../model';
import { useMapper } from '../store';
import { asRule, functionGroups, previewFieldOf, show, signature, type RuleParts } from './rules';

/**
 * Adding a step: search, the functions by group, each with its signature (input → result), parameters and
 * description; the one under the pointer or the keyboard shows the value it would give on the current sample (a
 * preview of the rule with that step added — only for functions that need no argument).
 */
export function FunctionPicker({ targetPath, rule, onPick, onClose }: {
  targetPath: string;
  rule: RuleParts;
  onPick(fn: MappingFunction): void;
  onClose(): void;
}) {
  const functions = useMapper((state) => state.catalog?.functions ?? []);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState<string | null>(null);
  const groups = functionGroups(functions, query);
  const flat = groups.flatMap((group) => group.functions);
  const example = useExample(targetPath, rule, functions.find((fn) => fn.name === active) ?? null);
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => search.current?.focus(), []);

  const move = (delta: number) => {
    if (flat.length === 0) return;
    const index = flat.findIndex((fn) => fn.name === active);
    setActive(flat[(index + delta + flat.length) % flat.length].name);
  };

  return (
    <div className="mr-picker" data-testid="function-picker" role="dialog" aria-label="Add a function"
      onKeyDown={(event) => {
        if (event.key === 'Escape') { event.stopPropagation(); onClose(); }
      }}>
      <input ref={search} type="search" placeholder="Search functions" aria-label="Search functions" value={query}
        data-testid="function-search"
        onChange={(event) => { setQuery(event.target.value); setActive(null); }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') { event.preventDefault(); onClose(); }
          if (event.key === 'ArrowDown') { event.preventDefault(); move(1); }
          if (event.key === 'ArrowUp') { event.preventDefault(); move(-1); }
          if (event.key === 'Enter') {
            event.preventDefault();
            const chosen = flat.find((fn) => fn.name === active) ?? (flat.length === 1 ? flat[0] : undefined);
            if (chosen) onPick(chosen);
          }
          event.stopPropagation();
        }} />
      <div className="mr-picker-list" role="listbox">
        {groups.map((group) => (
          <div key={group.group} className="mr-picker-group">
            <h4>{group.group}</h4>
            {group.functions.map((fn) => (
              <button key={fn.name} type="button" role="option" aria-selected={fn.name === active}
                className="mr-option" data-testid="function-option" data-fn={fn.name}
                onMouseEnter={() => setActive(fn.name)} onFocus={() => setActive(fn.name)}
                onClick={() => onPick(fn)}>
                <span className="mr-option-sig"><code>{signature(fn)}</code> <span className="mr-types">{fn.inputType} → {fn.resultType}</span></span>
                <span className="mr-option-desc">{fn.description}</span>
                {fn.name === active && fn.parameters.length > 0 && (
                  <span className="mr-option-params">
                    {fn.parameters.map((p) => (
                      <span key={p.name}><code>{p.name}{p.variadic ? '…' : ''}{p.optional ? '?' : ''}</code> {p.type}: {p.description}</span>
                    ))}
                  </span>
                )}
                {fn.name === active && example && (
                  <span className="mr-option-example" data-testid="function-example">
                    {example.kind === 'value' ? <>on this sample: <b>{show(example.value)}</b></> : example.kind === 'error' ? <span className="mr-error">{example.message}</span> : 'needs its arguments'}
                  </span>
                )}
              </button>
            ))}
          </div>
        ))}
        {flat.length === 0 && <p className="mr-muted">No function matches “{query}”.</p>}
      </div>
    </div>
  );
}

type Example = { kind: 'value'; value: unknown } | { kind: 'error'; message: string } | { kind: 'needsArgs' };

/** The value the rule would give with `fn` appended, on the current sample (debounced; null while unknown). */
function useExample(targetPath: string, rule: RuleParts, fn: MappingFunction | null): Example | null {
  const [example, setExample] = useState<Example | null>(null);
  const server = useMapper((state) => state.server);
  const document = useMapper((state) => state.document);
  const sample = useMapper((state) => state.sample);
  useEffect(() => {
    setExample(null);
    if (!fn || !server || !document || sample === null || sample === undefined) return;
    if (fn.minArgs > 0) { setExample({ kind: 'needsArgs' }); return; }
    let current = true;
    const timer = window.setTimeout(() => {
      const tried: RuleParts = { ...rule, pipe: [...(rule.pipe ?? []), { fn: fn.name }] };
      server.preview(setRule(document, targetPath, asRule(tried)), sample).then((result) => {
        if (!current) return;
        const field = previewFieldOf(result, targetPath);
        const index = (rule.pipe?.length ?? 0) + 1;
        const error = field?.problems.find((p) => p.severity === 'ERROR') ?? (!result.compiled ? result.problems[0] : undefined);
        if (field && field.steps.length > index) setExample({ kind: 'value', value: field.steps[index].value });
        else if (error) setExample({ kind: 'error', message: error.message });
      }).catch(() => undefined);
    }, 150);
    return () => { current = false; window.clearTimeout(timer); };
  }, [fn?.name, server, document, sample, targetPath]); // eslint-disable-line react-hooks/exhaustive-deps
  return example;
}
