/* Vite's import.meta.glob (the designer reads optional modules with it). */
interface ImportMeta {
  glob<T = unknown>(pattern: string, options: { eager: true }): Record<string, T>;
}

/* Plain CSS imported for its side effect (Vite puts it into the page). */
declare module '*.css';
