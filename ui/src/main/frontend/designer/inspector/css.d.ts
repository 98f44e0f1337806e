/** Plain CSS imported for its side effect (Vite adds it to the page). */
declare module '*.css';
