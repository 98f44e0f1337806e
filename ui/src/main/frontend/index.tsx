/******************************************************************************
 * Junction's entry point: Vaadin's generated one (generated/index.tsx), plus the route scripts the page's HTML names
 * in `<meta name="junction-early-chunk">` (DesignerScriptsEarly.java: the designer's, on a workflow's address),
 * loaded while the server builds the view instead of after the view's answer names them.
 ******************************************************************************/

import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from 'Frontend/generated/routes.js';

interface VaadinGlobals {
  Vaadin?: {
    Flow?: { clients?: Record<string, unknown>; loadOnDemand?: (key: string) => Promise<unknown> };
    connectionState?: {
      addStateChangeListener(listener: (previous: string, next: string) => void): void;
      removeStateChangeListener(listener: (previous: string, next: string) => void): void;
    };
  };
}

/**
 * Runs `then` when Vaadin's client, started, asks the server for the view (the connection turns `loading` again
 * once the client exists): from then on the page only waits for the server. Earlier, running the scripts would hold
 * up the client's own start and so the request for the view (measured: sent at 1,063 ms instead of about 520).
 */
function whenTheViewIsAskedFor(then: () => void): void {
  const vaadin = (window as VaadinGlobals).Vaadin;
  const connection = vaadin?.connectionState;
  if (!connection) return; // the view's answer loads the scripts the usual way
  const listener = (_previous: string, next: string) => {
    // Flow's router registers a client named TypeScript before it starts; the real one appears when it has started
    const clients = Object.keys((window as VaadinGlobals).Vaadin?.Flow?.clients ?? {});
    if (next === 'loading' && clients.some((id) => id !== 'TypeScript')) {
      connection.removeStateChangeListener(listener);
      setTimeout(then, 0); // after the client has sent the request it is starting
    }
  };
  connection.addStateChangeListener(listener);
}

const early = [...document.querySelectorAll<HTMLMetaElement>('meta[name="junction-early-chunk"]')].map((meta) => meta.content);
if (early.length > 0) {
  whenTheViewIsAskedFor(() => {
    // loadOnDemand comes with Vaadin's component imports, which its client loaded before it started; a chunk loaded
    // twice loads once. (Not imported from here: a second importer made the bundler put the route chunks' components
    // among the imports every page loads first.)
    const flow = (window as VaadinGlobals).Vaadin?.Flow;
    void Promise.all(early.map((key) => flow?.loadOnDemand?.(key))).catch(() => undefined); // else the answer loads them
  });
}

function App() {
  return <RouterProvider router={router} />;
}

const outlet = document.getElementById('outlet')!;
const root = (outlet as any)._root ?? createRoot(outlet);
(outlet as any)._root = root;
root.render(createElement(App));
