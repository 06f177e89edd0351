/**
 * What the routed fixture servers answer, for both browsers' harnesses: Chromium's routes it with
 * Playwright's context.route (tests/e2e/harness.ts), Firefox's with a WebDriver BiDi network
 * intercept (tests/e2e/firefox/harness.ts). Pure Node: no browser library here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'tests/fixtures');

export const EKINERJA = 'https://kinerja.bkn.go.id';
export const SSO = 'https://sso-siasn.bkn.go.id';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface FixtureResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

/** Throws when a route names a fixture file that does not exist (a typo shows at once). */
export function checkFixtures(routes: Record<string, string>): void {
  for (const file of Object.values(routes)) {
    if (!existsSync(join(FIXTURES, file))) throw new Error(`fixture not found: tests/fixtures/${file}`);
  }
}

/**
 * The answer to a request for `pathname` under `routes` (path → fixture file under tests/fixtures):
 * the file, or a 404 that names the path, so a missing fixture is obvious.
 */
export function fixtureResponse(routes: Record<string, string>, pathname: string): FixtureResponse {
  const file = routes[pathname] ?? routes[pathname.replace(/\/+$/, '')];
  if (!file) {
    return { status: 404, contentType: 'text/plain', body: Buffer.from(`no fixture for ${pathname} (serveFixtures)`) };
  }
  return { status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(join(FIXTURES, file)) };
}
