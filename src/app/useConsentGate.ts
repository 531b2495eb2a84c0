/**
 * Whether a consent dialog may take a click yet (clickjacking defence). Where the browser has
 * IntersectionObserver v2, the dialog must be reported visible (unoccluded, opacity 1 up through
 * every embedding frame, whole) for VISIBLE_ARM_MS without a break; elsewhere the caller gets
 * 'delay' mode: armed `delayMs` after the dialog appears (and the page is shown), and it should
 * add a second, differently placed confirming step.
 */
import type { RefObject } from 'react';
import { useEffect, useRef, useState } from 'react';

export type GateMode = 'visibility' | 'delay';

/** Continuous visibility needed before a click counts: a flash of visibility under the pointer is not enough. */
export const VISIBLE_ARM_MS = 500;
/** Without IO v2: how long the dialog must have been shown. */
export const DELAY_ARM_MS = 1000;

/** IO v2 (`trackVisibility`, `isVisible`): Chromium has it; others ignore the option. */
export function supportsVisibilityTracking(): boolean {
  return typeof IntersectionObserver !== 'undefined' && typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
}

/** `armed` as state (for rendering) and as a ref (for the click handler, which must not trust a stale render). */
export function useConsentGate(ref: RefObject<HTMLElement | null>, delayMs = DELAY_ARM_MS): { armed: boolean; armedRef: RefObject<boolean>; mode: GateMode } {
  const [mode] = useState<GateMode>(() => (supportsVisibilityTracking() ? 'visibility' : 'delay'));
  const [armed, setArmed] = useState(false);
  const armedRef = useRef(false);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = (visible: boolean, afterMs: number) => {
      if (!visible) {
        clearTimeout(timer);
        timer = undefined;
        armedRef.current = false;
        setArmed(false);
      } else if (timer === undefined && !armedRef.current) {
        timer = setTimeout(() => {
          armedRef.current = true;
          setArmed(true);
        }, afterMs);
      }
    };
    if (mode === 'visibility') {
      // trackVisibility needs delay ≥ 100 ms (the spec's minimum between notifications); TS's DOM types lack both.
      const init = { threshold: [0, 0.5, 0.99, 1], trackVisibility: true, delay: 100 };
      const observer = new IntersectionObserver((entries) => {
        const entry = entries[entries.length - 1];
        if (entry) update(Reflect.get(entry, 'isVisible') === true && entry.intersectionRatio >= 0.99, VISIBLE_ARM_MS);
      }, init);
      observer.observe(element);
      return () => {
        observer.disconnect();
        clearTimeout(timer);
      };
    }
    const onVisibility = () => update(document.visibilityState === 'visible', delayMs);
    onVisibility();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      clearTimeout(timer);
    };
  }, [ref, mode, delayMs]);

  return { armed, armedRef, mode };
}
