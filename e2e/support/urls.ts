/** Where the app and the fixture servers listen. Keep in step with fixtureServer.mjs. */

export const APP_PORT = 4173;
export const APP_URL = `http://localhost:${APP_PORT}`;
/** Fixture server that sends `Access-Control-Allow-Origin: *`. */
export const CORS_ORIGIN = 'http://localhost:4180';
/** The same files without the CORS header: the browser refuses to hand them to the app. */
export const NO_CORS_ORIGIN = 'http://localhost:4181';
/** A port nothing listens on: connections are refused. */
export const REFUSED_ORIGIN = 'http://localhost:4189';

/** URL of a fixture file on the CORS-enabled server. */
export const fixtureUrl = (name: string, origin = CORS_ORIGIN): string => `${origin}/fixtures/${name}`;
