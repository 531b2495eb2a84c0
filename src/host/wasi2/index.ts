/** WASI 0.2 host for jco-transpiled components (issue 9). */
export { createWasi2Host, importsFor, type Wasi2Host, type Wasi2Options } from './host';
export { ComponentExit } from './cli';
export type { Wasi2Blocked } from './context';
export { makeIncomingRequest, makeResponseOutparam, type HandledResponse, type IncomingRequestInit } from './http/incoming';
export type { HttpFailure, HttpOptions, HttpResponse } from './http/outgoing';
export { jspiImports } from './io';
