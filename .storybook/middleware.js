// Mounts the reference API server at /api/v1 in `storybook dev`, so that stories show real
// data from the same handler that the browser tests use (server/testing.ts: a fresh demo
// database per run). Storybook imports this file and calls the default export with its
// polka app. The server is TypeScript, loaded through tsx.
import { existsSync } from 'node:fs';
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

/** @param {{ use: (handler: (req: any, res: any, next: () => void) => void) => unknown }} app */
export default function mountReferenceApi(app) {
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
