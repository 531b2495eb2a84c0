/**
 * Where the app and the fixture servers listen. The defaults can be moved with environment
 * variables when the ports are taken (a shared machine): E2E_APP_PORT, E2E_CORS_PORT,
 * E2E_NO_CORS_PORT, E2E_REFUSED_PORT. fixtureServer.mjs is told its ports by servers.ts.
 */

const port = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

export const APP_PORT = port('E2E_APP_PORT', 4173);
export const APP_URL = `http://localhost:${APP_PORT}`;
export const CORS_PORT = port('E2E_CORS_PORT', 4180);
export const NO_CORS_PORT = port('E2E_NO_CORS_PORT', 4181);
/** Fixture server that sends `Access-Control-Allow-Origin: *`. */
export const CORS_ORIGIN = `http://localhost:${CORS_PORT}`;
/** The same files without the CORS header: the browser refuses to hand them to the app. */
export const NO_CORS_ORIGIN = `http://localhost:${NO_CORS_PORT}`;
/** A port nothing listens on: connections are refused. */
export const REFUSED_ORIGIN = `http://localhost:${port('E2E_REFUSED_PORT', 4189)}`;

/** URL of a fixture file on the CORS-enabled server. */
export const fixtureUrl = (name: string, origin = CORS_ORIGIN): string => `${origin}/fixtures/${name}`;
