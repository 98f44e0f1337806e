/******************************************************************************
 * Junction's entry point: Vaadin's generated one (generated/index.tsx), plus the route scripts the page's HTML names
 * in `<meta name="junction-early-chunk">` (DesignerScriptsEarly.java: the designer's, on a workflow's address),
 * loaded at once instead of after the server's answer that builds the view names them.
 ******************************************************************************/

import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from 'Frontend/generated/routes.js';

const early = [...document.querySelectorAll<HTMLMetaElement>('meta[name="junction-early-chunk"]')].map((meta) => meta.content);
if (early.length > 0) {
  // the same module Vaadin's client imports after its init request; importing it now only starts it sooner
  void import('Frontend/generated/flow/generated-flow-imports.js').then(() => {
    const flow = (window as { Vaadin?: { Flow?: { loadOnDemand?: (key: string) => Promise<unknown> } } }).Vaadin?.Flow;
    return Promise.all(early.map((key) => flow?.loadOnDemand?.(key)));
  }).catch(() => undefined); // the view's answer loads them again the usual way
}

function App() {
  return <RouterProvider router={router} />;
}

const outlet = document.getElementById('outlet')!;
const root = (outlet as any)._root ?? createRoot(outlet);
(outlet as any)._root = root;
root.render(createElement(App));
