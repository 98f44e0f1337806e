import type { ReactElement } from 'react';
import { Inspector } from './inspector/Inspector';
import { useDesigner } from './store';

/** SCAFFOLD (replaced by the canvas work): the designer's layout — toolbar, palette, canvas, inspector, panels. */
export function Designer(): ReactElement {
  const document = useDesigner((state) => state.document);
  return (
    <div className="designer" data-testid="designer" data-ready={document ? 'true' : 'false'}>
      <Inspector />
    </div>
  );
}
