/* The React Flow instance of the mounted canvas, for actions outside it (toolbar, commands, keyboard). */
import type { ReactFlowInstance } from '@xyflow/react';

let current: ReactFlowInstance | null = null;

export const setFlow = (instance: ReactFlowInstance | null) => { current = instance; };
export const flow = (): ReactFlowInstance | null => current;
