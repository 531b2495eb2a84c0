/**
 * Live resource objects of one component instance, by handle number, so a resource returned by one
 * call (a `counter` from its constructor) can be passed to a later call as `{ resource, handle }`.
 * Handles start at 1 and are never reused within a table; one object keeps one handle.
 */
import { fail, ok, type Checked } from './types';

interface Entry {
  object: object;
  resource: string;
}

// jco's resource classes dispose through Symbol.dispose, or Symbol.for('dispose') where it is missing.
const DISPOSE: symbol = (Symbol as { dispose?: symbol }).dispose ?? Symbol.for('dispose');

export class ResourceTable {
  #byHandle = new Map<number, Entry>();
  #byObject = new WeakMap<object, number>();
  #next = 1;

  register(object: object, resource: string): number {
    const known = this.#byObject.get(object);
    if (known !== undefined && this.#byHandle.has(known)) return known;
    const handle = this.#next++;
    this.#byHandle.set(handle, { object, resource });
    this.#byObject.set(object, handle);
    return handle;
  }

  get(handle: number, resource: string): Checked<object> {
    const entry = this.#byHandle.get(handle);
    if (!entry) {
      const live = [...this.#byHandle].filter(([, e]) => e.resource === resource).map(([h]) => h);
      const which = live.length > 0 ? `live ${resource} handles: ${live.join(', ')}` : `no ${resource} is live; make one first (its constructor or a function returning it)`;
      return fail(`no resource with handle ${handle} in this instance (${which})`);
    }
    if (entry.resource !== resource) return fail(`handle ${handle} is a ${entry.resource}, not a ${resource}`);
    return ok(entry.object);
  }

  /** Forgets a handle and runs the resource's destructor (jco's dispose), if it has one. */
  drop(handle: number): Checked<void> {
    const entry = this.#byHandle.get(handle);
    if (!entry) return fail(`no resource with handle ${handle} in this instance`);
    this.#byHandle.delete(handle);
    this.#byObject.delete(entry.object);
    const dispose = (entry.object as Record<symbol, unknown>)[DISPOSE];
    if (typeof dispose === 'function') (dispose as () => void).call(entry.object);
    return ok(undefined);
  }

  /** Forgets every handle without running destructors (the instance is being thrown away). */
  clear(): void {
    this.#byHandle.clear();
    this.#byObject = new WeakMap();
  }

  get size(): number {
    return this.#byHandle.size;
  }
}
