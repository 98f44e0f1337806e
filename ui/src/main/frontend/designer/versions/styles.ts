/** The styles of the versions panel, the merge dialog and the run controls (designer/versions/), added to the page
 * once by the first component that imports this module (plain TS: no CSS module declarations needed). */
const CSS = `
.wd-panel.wd-versions { display: flex; flex-direction: column; gap: var(--lumo-space-s, 0.5rem); padding: var(--lumo-space-s, 0.5rem);
  min-width: 18rem; max-width: 26rem; overflow: auto; background: var(--lumo-base-color, #fff); border-left: 1px solid var(--lumo-contrast-10pct, #ddd); }
.wd-panel-header { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; }
.wd-panel-header h2, .wd-panel-header h3 { margin: 0; font-size: var(--lumo-font-size-l, 1.1rem); }
.wd-version-table { width: 100%; border-collapse: collapse; font-size: var(--lumo-font-size-s, 0.875rem); }
.wd-version-table th, .wd-version-table td { padding: 0.25rem; text-align: left; vertical-align: top; border-bottom: 1px solid var(--lumo-contrast-10pct, #eee); }
.wd-version-current { background: var(--lumo-primary-color-10pct, #eef4ff); }
.wd-version-title { display: flex; gap: 0.35rem; align-items: center; }
.wd-version-meta, .wd-version-comment { color: var(--lumo-secondary-text-color, #555); }
.wd-version-actions { display: flex; flex-direction: column; gap: 0.25rem; }
.wd-badge { border-radius: 0.6rem; padding: 0 0.4rem; font-size: 0.75rem; background: var(--lumo-contrast-10pct, #eee); }
.wd-badge-published { background: var(--lumo-success-color-10pct, #e3f6e9); color: var(--lumo-success-text-color, #1a7f37); }
.wd-message { margin: 0; }
.wd-error { color: var(--lumo-error-text-color, #b00020); }
.wd-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.wd-confirm { border: 1px solid var(--lumo-contrast-20pct, #ccc); border-radius: 0.25rem; padding: 0.5rem; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.wd-confirm p { flex-basis: 100%; margin: 0; }
.wd-primary { background: var(--lumo-primary-color, #1676f3); color: var(--lumo-primary-contrast-color, #fff); border: none; border-radius: 0.25rem; padding: 0.3rem 0.8rem; }
.wd-link { background: none; border: none; padding: 0; color: var(--lumo-primary-text-color, #1676f3); cursor: pointer; text-align: left; }
.wd-diff { display: flex; flex-direction: column; gap: 0.4rem; border-top: 1px solid var(--lumo-contrast-20pct, #ccc); padding-top: 0.5rem; }
.wd-diff-node ul, .wd-diff-edges { list-style: none; margin: 0.2rem 0 0; padding: 0; }
.wd-diff-field { display: flex; flex-wrap: wrap; gap: 0.3rem; width: 100%; background: none; border: none; padding: 0.15rem 0.25rem; text-align: left; cursor: pointer; font: inherit; }
.wd-diff-field:hover, .wd-diff-field:focus-visible { background: var(--lumo-contrast-5pct, #f4f4f4); }
.wd-diff-path { font-weight: 600; }
.wd-diff-before { color: var(--lumo-error-text-color, #b00020); text-decoration: line-through; }
.wd-diff-after { color: var(--lumo-success-text-color, #1a7f37); }
.wd-diff-added { color: var(--lumo-success-text-color, #1a7f37); }
.wd-diff-removed { color: var(--lumo-error-text-color, #b00020); }
.wd-diff-changed > .wd-link .wd-badge { background: #fff1d6; color: #8a5a00; }
.wd-diff-added > .wd-link .wd-badge { background: var(--lumo-success-color-10pct, #e3f6e9); color: var(--lumo-success-text-color, #1a7f37); }
.wd-diff-removed > .wd-link .wd-badge { background: var(--lumo-error-color-10pct, #fde7e9); color: var(--lumo-error-text-color, #b00020); }
.wd-modal-backdrop { position: fixed; inset: 0; background: rgba(0, 0, 0, 0.3); display: flex; align-items: center; justify-content: center; z-index: 1000; }
.wd-dialog { background: var(--lumo-base-color, #fff); border-radius: 0.5rem; padding: 1rem 1.25rem; max-width: min(40rem, 95vw); max-height: 90vh; overflow: auto;
  display: flex; flex-direction: column; gap: 0.5rem; box-shadow: 0 0.5rem 2rem rgba(0, 0, 0, 0.25); }
.wd-dialog h2 { margin: 0; font-size: var(--lumo-font-size-xl, 1.25rem); }
.wd-dialog textarea { font-family: var(--lumo-font-family-monospace, monospace); width: 100%; min-width: 28rem; box-sizing: border-box; }
.wd-dialog-buttons { display: flex; justify-content: flex-end; gap: 0.5rem; }
.wd-merge-table { border-collapse: collapse; }
.wd-merge-table th, .wd-merge-table td { padding: 0.25rem 0.5rem; text-align: left; border-bottom: 1px solid var(--lumo-contrast-10pct, #eee); }
.wd-merge-table code { word-break: break-all; }
.wd-run-controls { display: flex; align-items: center; gap: 0.5rem; flex-wrap: wrap; }
.wd-run-overlay { display: flex; align-items: center; gap: 0.5rem; flex-wrap: wrap; padding: 0.25rem 0.5rem; border-radius: 0.25rem; background: var(--lumo-contrast-5pct, #f4f4f4); }
.wd-run-counts { display: flex; gap: 0.4rem; }
.wd-status-succeeded { color: var(--lumo-success-text-color, #1a7f37); }
.wd-status-failed, .wd-status-dead { color: var(--lumo-error-text-color, #b00020); }
.wd-status-running, .wd-status-waiting, .wd-status-queued { color: var(--lumo-primary-text-color, #1676f3); }
`;

const STYLE_ID = 'wd-versions-styles';

export function ensureVersionsStyles(): void {
  if (typeof document === 'undefined' || document.getElementById(STYLE_ID)) return;
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = CSS;
  document.head.appendChild(style);
}

ensureVersionsStyles();
