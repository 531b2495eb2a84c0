/** Extism plugins: the `extism:host/env` kernel, callable exports, manifests (DESIGN.md §3, issue 3). */
export { DEFAULT_MAX_HTTP_RESPONSE_BYTES, DEFAULT_MAX_VAR_BYTES, EXTISM_ENV, EXTISM_USER, KERNEL_FUNCS, LOG_LEVEL_NUMBER } from './abi';
export { ExtismError, type ExtismErrorKind } from './errors';
export { createExtismHost } from './kernel';
export { parseManifest, verifyHash } from './manifest';
export type { AllowedPath, ExtismManifest, ManifestParseResult, ManifestWasm, ParseManifestOptions, WasmSource } from './manifest';
export { DEFAULT_MAX_KERNEL_BYTES } from './memory';
export type { ExtismHost, ExtismHostOptions, HttpClient, HttpLimits, HttpRequest, HttpResponse, LogLevel } from './types';
