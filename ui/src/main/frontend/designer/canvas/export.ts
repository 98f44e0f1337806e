/*
 * Export the graph as an SVG or PNG download, drawn from the graph itself (boxes with each step's name and kind,
 * connections as the canvas draws them), so that the image holds no page markup and no web fonts; the PNG is that
 * SVG painted on a canvas.
 */
import { getBezierPath, getNodesBounds, Position, type Edge, type Node } from '@xyflow/react';

const PAD = 40;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

export function graphSvg(nodes: Node[], edges: Edge[]): { svg: string; width: number; height: number } {
  const drawn = nodes.filter((node) => !node.hidden);
  const bounds = getNodesBounds(drawn);
  const width = Math.ceil(bounds.width + PAD * 2);
  const height = Math.ceil(bounds.height + PAD * 2);
  const size = (node: Node) => ({ w: node.measured?.width ?? node.initialWidth ?? 220, h: node.measured?.height ?? node.initialHeight ?? 72 });
  const at = (node: Node) => ({ x: node.position.x - bounds.x + PAD, y: node.position.y - bounds.y + PAD });
  const byId = new Map(drawn.map((node) => [node.id, node]));
  const parts: string[] = [];
  for (const edge of edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) continue;
    const s = at(source); const t = at(target);
    const [path] = getBezierPath({ sourceX: s.x + size(source).w, sourceY: s.y + size(source).h / 2, sourcePosition: Position.Right,
      targetX: t.x, targetY: t.y + size(target).h / 2, targetPosition: Position.Left });
    parts.push(`<path d="${path}" fill="none" stroke="#8a94a6" stroke-width="1.5"/>`);
  }
  for (const node of drawn) {
    const { x, y } = at(node);
    const { w, h } = size(node);
    const data = node.data as { name?: string; subtitle?: string | null; title?: string; text?: string; color?: string | null };
    if (node.type === 'note') {
      parts.push(`<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="6" fill="${escape(data.color ?? '#fff6c2')}"/>`);
      (data.text ?? '').split('\n').slice(0, 6).forEach((line, i) =>
        parts.push(`<text x="${x + 10}" y="${y + 20 + i * 16}" font-size="12">${escape(line.replace(/[*`#]/g, ''))}</text>`));
      continue;
    }
    parts.push(`<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="10" fill="#ffffff" stroke="#c5ccd6"/>`);
    parts.push(`<text x="${x + 12}" y="${y + 24}" font-size="14" font-weight="600">${escape(data.name ?? node.id)}</text>`);
    parts.push(`<text x="${x + 12}" y="${y + 44}" font-size="12" fill="#556">${escape(data.subtitle ?? data.title ?? '')}</text>`);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`
    + `<rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>`;
  return { svg, width, height };
}

async function png(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = window.document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')!.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function exportImage(format: 'png' | 'svg', nodes: Node[], edges: Edge[], name: string): Promise<void> {
  const { svg, width, height } = graphSvg(nodes, edges);
  const blob = format === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await png(svg, width, height);
  const link = window.document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${name.replace(/[^\w.-]+/g, '-') || 'workflow'}.${format}`;
  window.document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
