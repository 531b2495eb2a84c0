/** A draggable, keyboard-operable divider between two panes (role "separator", arrows move it by 16 px or 2 %). */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { PANE_LIMITS, useLayout, type PaneSizes } from '../../state/layoutStore';

interface Props {
  pane: keyof PaneSizes;
  label: string;
  /** 'vertical' divides columns (drag left/right), 'horizontal' divides rows. */
  orientation: 'vertical' | 'horizontal';
  /** Turns the pointer position into the pane's new size. */
  sizeAt(clientX: number, clientY: number, container: DOMRect): number;
  /** Whether moving right/down makes the pane bigger (false for a pane on the right). */
  growsForward: boolean;
}

export function SplitHandle({ pane, label, orientation, sizeAt, growsForward }: Props) {
  const value = useLayout((s) => s.sizes[pane]);
  const resize = useLayout((s) => s.resize);
  const container = useRef<DOMRect | null>(null);
  const limits = PANE_LIMITS[pane];
  const fraction = pane === 'output';
  const step = fraction ? 0.02 : 16;

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const parent = e.currentTarget.parentElement;
    if (!parent) return;
    container.current = parent.getBoundingClientRect();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!container.current) return;
    resize(pane, sizeAt(e.clientX, e.clientY, container.current));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    container.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const forward = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown';
    const back = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp';
    let next: number | null = null;
    if (e.key === forward) next = value + (growsForward ? step : -step);
    else if (e.key === back) next = value - (growsForward ? step : -step);
    else if (e.key === 'Home') next = limits.min;
    else if (e.key === 'End') next = limits.max;
    if (next === null) return;
    e.preventDefault();
    resize(pane, next);
  };

  const shown = fraction ? Math.round(value * 100) : Math.round(value);
  return (
    <div
      className={`split-handle split-${orientation} split-pane-${pane}`}
      role="separator"
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={shown}
      aria-valuemin={fraction ? limits.min * 100 : limits.min}
      aria-valuemax={fraction ? limits.max * 100 : limits.max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
