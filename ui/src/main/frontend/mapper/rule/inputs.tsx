import { useEffect, useId, useState, type InputHTMLAttributes } from 'react';
import type { FunctionParameter } from '../../shared/generated/catalog';
import { constantText, isFromArg, parseConstant, type Arg } from './rules';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: string;
  /** The text, once: on blur or Enter (never per keystroke), and only when it changed. */
  onCommit(text: string): void;
};

/** A text input that keeps its text to itself while typing and commits it on blur or Enter (Escape puts it back). */
export function CommitInput({ value, onCommit, ...rest }: Props) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => { if (text !== value) onCommit(text); };
  return (
    <input
      {...rest}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') { event.preventDefault(); commit(); }
        if (event.key === 'Escape') setText(value);
        event.stopPropagation();
      }}
    />
  );
}

export interface PathOption { path: string; type: string; description?: string }

/** A source path: typed, or picked from the source schema's fields (a datalist of the paths the rule may read). */
export function PathInput(props: Omit<Props, 'list'> & { options: PathOption[] }) {
  const { options, ...rest } = props;
  const list = useId();
  return (
    <>
      <CommitInput {...rest} list={list} placeholder={rest.placeholder ?? 'source path'} data-role="path-picker" />
      <datalist id={list}>
        {options.map((option) => (
          <option key={option.path} value={option.path}>{option.type}{option.description ? ` — ${option.description.slice(0, 60)}` : ''}</option>
        ))}
      </datalist>
    </>
  );
}

/** One argument of a function: a constant of the parameter's type, or `{from: path}` picked from the source. */
export function ArgInput({ parameter, value, options, readOnly, onCommit, testId }: {
  parameter: FunctionParameter;
  value: Arg;
  options: PathOption[];
  readOnly: boolean;
  onCommit(value: Arg): void;
  testId?: string;
}) {
  const from = isFromArg(value);
  const label = `${parameter.name}${parameter.optional ? '?' : ''}`;
  return (
    <span className="mr-arg" data-testid={testId ?? 'step-arg'} data-param={parameter.name} title={`${parameter.type}: ${parameter.description}`}>
      <span className="mr-arg-name">{label}</span>
      <select
        aria-label={`${parameter.name}: constant or source path`}
        value={from ? 'from' : 'constant'}
        disabled={readOnly}
        onChange={(event) => onCommit(event.target.value === 'from' ? { from: '' } : undefined)}
      >
        <option value="constant">{parameter.type}</option>
        <option value="from">from</option>
      </select>
      {from ? (
        <PathInput aria-label={`${parameter.name} source path`} value={(value as { from: string }).from} options={options} readOnly={readOnly}
          onCommit={(text) => onCommit({ from: text })} />
      ) : parameter.type === 'boolean' ? (
        <input type="checkbox" aria-label={parameter.name} checked={value === true} disabled={readOnly} onChange={(event) => onCommit(event.target.checked)} />
      ) : (
        <CommitInput aria-label={parameter.name} value={constantText(value)} readOnly={readOnly}
          inputMode={parameter.type === 'number' || parameter.type === 'integer' ? 'decimal' : undefined}
          placeholder={parameter.type} onCommit={(text) => onCommit(parseConstant(text, parameter.type))} />
      )}
    </span>
  );
}
