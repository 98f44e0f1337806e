/* Export the drawn graph as a PNG or SVG download (html-to-image over React Flow's viewport, fitted to the graph). */
import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';

export async function exportImage(format: 'png' | 'svg', nodes: Node[], name: string): Promise<void> {
  const viewport = window.document.querySelector<HTMLElement>('[data-testid=designer] .react-flow__viewport');
  if (!viewport) return;
  const bounds = getNodesBounds(nodes);
  const width = Math.max(320, Math.ceil(bounds.width + 80));
  const height = Math.max(200, Math.ceil(bounds.height + 80));
  const fit = getViewportForBounds(bounds, width, height, 0.1, 2, 0.05);
  const options = {
    backgroundColor: '#ffffff', width, height, skipFonts: true, cacheBust: false,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${fit.x}px, ${fit.y}px) scale(${fit.zoom})` },
  };
  const url = format === 'png' ? await toPng(viewport, options) : await toSvg(viewport, options);
  const blob = await (await fetch(url)).blob();
  const link = window.document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${name.replace(/[^\w.-]+/g, '-') || 'workflow'}.${format}`;
  window.document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
