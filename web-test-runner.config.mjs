// Browser tests in a real Chromium against real HTTP handlers: the reference API server
// (at /api/v1, on a temporary SQLite file) and a small fault-injecting fixture (/fixture/).
// Run through `npm run test:browser`, which loads this file with tsx so it can import the
// TypeScript server.
import { existsSync, readdirSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROME_ARGS, findChrome } from './scripts/find-chrome.mjs';
import { fixtureApi } from './test/support/fixture-api.ts';
import { trimQuadtreeDevServer } from './scripts/trim-quadtree.ts';
import { zodLiteDevServer } from './scripts/zod-lite.ts';

/** Mounts a Node `(req, res, next)` handler as Koa middleware. */
const mount = (handler) => async (ctx, next) => {
  let passed = false;
  ctx.respond = false;
  await new Promise((resolve) => {
    ctx.res.once('finish', resolve);
    ctx.res.once('close', resolve);
    Promise.resolve(
      handler(ctx.req, ctx.res, () => {
        passed = true;
        resolve();
      }),
    ).catch((error) => {
      console.error(error);
      if (!ctx.res.headersSent) ctx.res.writeHead(500).end();
      resolve();
    });
  });
  if (passed) {
    ctx.respond = true;
    await next();
  }
};

const middleware = [mount(fixtureApi)];
// Each widget may add its own fault or hostile-data handler in test/support/fixtures/*.ts
// (a default-exported `(req, res, next)`), mounted here beside the shared one.
const fixturesDir = new URL('./test/support/fixtures/', import.meta.url);
if (existsSync(fixturesDir)) {
  for (const file of readdirSync(fixturesDir).filter((f) => f.endsWith('.ts')).sort()) {
    const { default: handler } = await import(new URL(file, fixturesDir).href);
    middleware.push(mount(handler));
  }
}
if (existsSync(new URL('./server/testing.ts', import.meta.url))) {
  const { createTestApi } = await import('./server/testing.ts');
  const api = await createTestApi();
  middleware.unshift(mount(api.handler));
  process.once('exit', () => api.close?.());
}

export default {
  files: ['src/**/*.test.ts', 'test/browser/**/*.test.ts', 'test/journeys/**/*.test.ts', 'test/stories/**/*.test.ts',
    // The hostile suite's browser tests; its Node tests (*.node.test.ts) run under test:node.
    'test/hostile/**/*.test.ts', '!test/hostile/**/*.node.test.ts'],
  nodeResolve: true,
  // One page at a time: a page in a background tab gets no animation frames, and the
  // widgets' tests rely on them (layout, focus, dialogs) as real visitors' pages do.
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 180_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 15_000 } },
  plugins: [
    // What the script-tag build ships: the zod/mini stand-in and the trimmed d3-quadtree.
    zodLiteDevServer,
    trimQuadtreeDevServer,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
  ],
  middleware,
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChrome(), args: CHROME_ARGS },
    }),
  ],
};
