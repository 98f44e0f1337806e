/*
 * Tidy up: elkjs "layered" left to right, for the whole graph or only the selected boxes (then the selection keeps
 * its top-left corner); and "fix overlaps only", which pushes overlapping boxes apart and keeps the rough arrangement.
 * Both answer new positions; the caller applies them as one history entry.
 */
import type ELK from 'elkjs/lib/elk.bundled.js';
import type { Position } from '../../shared/generated/workflow';
import type { Definition } from '../contract';

export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const GAP = 24;

/**
 * elkjs, loaded on the first tidy-up rather than with the designer: it is about 1.4 MB of script, which every opening
 * of a workflow had to load and compile before the canvas appeared (WD-14's time to canvas-ready).
 */
let engine: Promise<InstanceType<typeof ELK>> | null = null;
function elk(): Promise<InstanceType<typeof ELK>> {
  engine ??= import('elkjs/lib/elk.bundled.js').then((module) => new module.default());
  return engine;
}

export async function layered(document: Definition, boxes: Box[]): Promise<Map<string, Position>> {
  const ids = new Set(boxes.map((box) => box.id));
  const graph = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.edgeRouting': 'POLYLINE',
    },
    children: boxes.map((box) => ({ id: box.id, width: box.width, height: box.height })),
    edges: document.edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to))
      .map((edge, index) => ({ id: `e${index}`, sources: [edge.from], targets: [edge.to] })),
  };
  const result = await (await elk()).layout(graph);
  const left = Math.min(...boxes.map((box) => box.x));
  const top = Math.min(...boxes.map((box) => box.y));
  const positions = new Map<string, Position>();
  for (const child of result.children ?? []) positions.set(child.id, { x: Math.round(left + (child.x ?? 0)), y: Math.round(top + (child.y ?? 0)) });
  return positions;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;

/** Moves boxes down (in reading order) until no two overlap; answers only the boxes that moved. */
export function fixOverlaps(boxes: Box[]): Map<string, Position> {
  const placed: Box[] = [];
  const moved = new Map<string, Position>();
  for (const original of [...boxes].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const box = { ...original };
    for (let guard = 0; guard < boxes.length * 2; guard++) {
      const hit = placed.find((other) => overlaps(box, other));
      if (!hit) break;
      box.y = hit.y + hit.height + GAP;
    }
    placed.push(box);
    if (box.y !== original.y) moved.set(box.id, { x: box.x, y: Math.round(box.y) });
  }
  return moved;
}
