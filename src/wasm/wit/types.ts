/**
 * A component's world as WIT types (component model, WIT.md): decoded from the component binary in
 * the analyser worker, printed as WIT, and used for forms, JSON checking and calls. Plain data: it
 * crosses the worker boundary (no classes, no functions, no cycles).
 */

export type WitPrimitive =
  | 'bool'
  | 'u8'
  | 'u16'
  | 'u32'
  | 'u64'
  | 's8'
  | 's16'
  | 's32'
  | 's64'
  | 'f32'
  | 'f64'
  | 'char'
  | 'string'
  | 'error-context';

/** Where a resource is defined: `wasi:io/streams@0.2.0` + `input-stream`, or a world-level resource (`iface` ''). */
export interface ResourceRef {
  iface: string;
  name: string;
}

export interface WitField {
  name: string;
  type: WitType;
}

export interface WitCase {
  name: string;
  /** null for a case without a payload. */
  type: WitType | null;
}

/**
 * A WIT type. `name` is set when the type is a named definition (`record point`, `type id = u32`)
 * so printers show `point` rather than its body; the body is always present.
 */
export type WitType = { name?: string; iface?: string } & (
  | { kind: WitPrimitive }
  | { kind: 'list'; element: WitType; /** fixed-length list<T, N> */ length?: number }
  | { kind: 'tuple'; types: WitType[] }
  | { kind: 'record'; fields: WitField[] }
  | { kind: 'variant'; cases: WitCase[] }
  | { kind: 'enum'; cases: string[] }
  | { kind: 'flags'; flags: string[] }
  | { kind: 'option'; type: WitType }
  | { kind: 'result'; ok: WitType | null; err: WitType | null }
  | { kind: 'own' | 'borrow'; resource: ResourceRef }
  | { kind: 'resource'; resource: ResourceRef }
  | { kind: 'stream' | 'future'; type: WitType | null }
);

export type WitTypeKind = WitType['kind'];

export interface WitParam {
  name: string;
  type: WitType;
}

/** How a function relates to a resource, from its component-level name (`[method]counter.add`). */
export type WitFunctionKind = 'freestanding' | 'constructor' | 'method' | 'static';

export interface WitFunction {
  /** The name as WIT writes it: `add`, `increment` (for `[method]counter.increment`), `constructor`. */
  name: string;
  /** The name in the component binary: `add`, `[method]counter.increment`, `[constructor]counter`. */
  binaryName: string;
  kind: WitFunctionKind;
  /** The resource, for constructors, methods and static functions. */
  resource?: string;
  params: WitParam[];
  result: WitType | null;
  /** An `async func` (component model async, WASI 0.3): listed, not callable here. */
  async?: boolean;
}

export interface WitPackageName {
  namespace: string;
  name: string;
  version?: string;
}

/** An interface imported or exported by the world, with every type and function it declares. */
export interface WitInterface {
  /** The full name as in the binary: `docs:adder/add@0.1.0`, or a plain name for an inline interface. */
  name: string;
  /** `docs:adder` + `add` + `0.1.0`; absent for an inline (unnamed-package) interface. */
  package?: WitPackageName;
  /** The interface's own name (`add`), or the plain name for inline ones. */
  shortName: string;
  /** Named types it defines or re-exports (`use`), in declaration order. */
  types: WitField[];
  /** Resources it defines, by name (their methods are in `functions`). */
  resources: string[];
  functions: WitFunction[];
}

/** One import or export of the world. */
export type WitWorldItem =
  | { kind: 'interface'; iface: WitInterface }
  | { kind: 'function'; fn: WitFunction }
  | { kind: 'type'; name: string; type: WitType };

export interface WitWorld {
  imports: WitWorldItem[];
  exports: WitWorldItem[];
  /** Things in the binary the decoder could not express as WIT (it keeps going without them). */
  warnings: string[];
  /** Features this app cannot run (async functions, stream/future types, shared-everything threads). */
  unsupported: string[];
}
