// Mounts the reference API server at /api/v1 in `storybook dev`, so that stories show real
// data from the same handler that the browser tests use (server/testing.ts: a fresh demo
// database per run). Storybook imports this file and calls the default export with its
// polka app. The server is TypeScript, loaded through tsx.
import { existsSync, readdirSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';

const PREFIX = '/api/v1';
const testingModule = new URL('../server/testing.ts', import.meta.url);

/** @type {Promise<((req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => unknown) | undefined>} */
const apiHandler = (async () => {
  if (!existsSync(testingModule)) {
    console.warn(`storybook: ${testingModule.pathname} does not exist yet; stories get no API at ${PREFIX}.`);
    return undefined;
  }
  const { createTestApi } = await tsImport(testingModule.href, import.meta.url);
  const api = await createTestApi();
  // Storybook ends the process on Ctrl-C through process.exit, which fires 'exit'.
  process.once('exit', () => void api.close?.());
  return api.handler;
})().catch((error) => {
  console.error('storybook: could not start the reference API', error);
  return undefined;
});

/**
 * The fault and hostile-data fixtures of the browser tests (/fixture…), so that the stories
 * of error, empty and hostile states show in `storybook dev` what they show in the tests.
 * @type {Promise<((req: any, res: any, next: () => void) => unknown)[]>}
 */
const fixtureHandlers = (async () => {
  const shared = new URL('../test/support/fixture-api.ts', import.meta.url);
  const folder = new URL('../test/support/fixtures/', import.meta.url);
  const files = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.ts')).sort() : [];
  const handlers = [];
  if (existsSync(shared)) handlers.push((await tsImport(shared.href, import.meta.url)).fixtureApi);
  for (const file of files) handlers.push((await tsImport(new URL(file, folder).href, import.meta.url)).default);
  return handlers;
})().catch((error) => {
  console.error('storybook: could not load the test fixtures', error);
  return [];
});

/** Runs the fixture handlers in turn until one answers. */
function serveFixture(req, res, next) {
  fixtureHandlers.then((handlers) => {
    const run = (i) => (i >= handlers.length ? next() : Promise.resolve(handlers[i](req, res, () => run(i + 1))));
    return run(0);
  }, next).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500).end();
  });
}

/** @param {{ use: (handler: (req: any, res: any, next: () => void) => void) => unknown }} app */
export default function mountReferenceApi(app) {
  app.use((req, res, next) => {
    if ((req.url ?? '').startsWith('/fixture')) return serveFixture(req, res, next);
    next();
  });
  app.use((req, res, next) => {
    const url = req.url ?? '';
    if (url !== PREFIX && !url.startsWith(`${PREFIX}/`) && !url.startsWith(`${PREFIX}?`)) return next();
    apiHandler.then(
      (handler) => {
        if (!handler) {
          res.statusCode = 503;
          res.setHeader('content-type', 'application/problem+json');
          res.end(JSON.stringify({ type: 'about:blank', title: 'Reference API not available', status: 503 }));
          return;
        }
        return handler(req, res, next);
      },
      next,
    ).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
}
