/**
 * The API on a throw-away database, for test runners and dev servers (web-test-runner,
 * Storybook) that mount the handler as middleware.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createApiHandler, type ApiHandler, type ApiHandlerOptions } from './handler.js';
import { seedDemo } from './seed.js';
import { SqliteStore } from './sqlite-store.js';

export interface TestApiOptions extends Partial<Omit<ApiHandlerOptions, 'store'>> {
  /** Database file to use; default a new file in a new temporary folder (removed by `close`). */
  dbFile?: string;
}

export interface TestApi {
  handler: ApiHandler;
  store: SqliteStore;
  /** The admin token the handler accepts (`test-admin-token` unless given). */
  adminToken: string;
  /** Closes the database and removes the temporary folder, if this helper made it. */
  close(): void;
}

/**
 * Creates the API over a temporary SQLite file filled with the demo data.
 *
 * Defaults suit tests: every origin on `allowedOrigins` passes (none by default besides
 * the server's own), the admin token is `test-admin-token`, and the idea rate limit is
 * 1000 a minute so a suite may submit freely (pass `rateLimit` to test the limit itself).
 *
 * @example web-test-runner / Koa:
 * ```js
 * const api = createTestApi();
 * middleware: [async (ctx, next) => {
 *   if (!ctx.url.startsWith('/api/v1/')) return next();
 *   ctx.respond = false;
 *   api.handler(ctx.req, ctx.res);
 * }]
 * ```
 */
export function createTestApi(options: TestApiOptions = {}): TestApi {
  const { dbFile, ...handlerOptions } = options;
  const folder = dbFile ? undefined : mkdtempSync(join(tmpdir(), 'inno-api-'));
  const file = dbFile ?? join(folder!, 'inno.sqlite');
  const store = new SqliteStore({ file, uploadDir: join(dirname(file), 'uploads') });
  seedDemo(store, handlerOptions.now?.() ?? Date.now(), handlerOptions.cityTimeZone);
  const adminToken = handlerOptions.adminToken ?? 'test-admin-token';
  const handler = createApiHandler({
    rateLimit: { max: 1000, windowMs: 60_000 },
    ...handlerOptions,
    adminToken,
    store,
  });
  return {
    handler,
    store,
    adminToken,
    close() {
      store.close();
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
  };
}
