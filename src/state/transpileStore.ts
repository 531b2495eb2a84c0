/** Where each loaded component's jco transpile stands (the module summary shows it). */
import { create } from 'zustand';
import type { ComponentStatus } from '../sandbox/engine';
import { getEngine } from '../sandbox/instance';

interface TranspileState {
  byId: Record<string, ComponentStatus>;
}

export const useTranspile = create<TranspileState>(() => ({ byId: {} }));

let watched = false;
/** Follow the engine's component states; called before the first load (states are reported as it loads). */
export function watchTranspiles(): void {
  if (watched) return;
  watched = true;
  getEngine().onComponentStatus((id, status) => useTranspile.setState((s) => ({ byId: { ...s.byId, [id]: status } })));
}
