/* The schema of each side, in a strip under the toolbar: source on the left, target on the right, like the trees. */
import type { ReactElement } from 'react';
import { SchemaPicker } from './SchemaPicker';
import './schema-picker.css';

export function SchemaStrip(): ReactElement {
  return (
    <div className="mp-schema-strip" data-testid="schema-strip">
      <SchemaPicker side="source" />
      <SchemaPicker side="target" />
    </div>
  );
}
