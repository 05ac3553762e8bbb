/**
 * `npm run bench` (server part): throughput and latency of the reference server on
 * loopback, measured with autocannon against a server process on a temporary database.
 *
 * The idea rate limit is lifted for the run (INNO_RATE_LIMIT=off), otherwise every POST
 * after the tenth would measure the 429 path. Results are merged into bench/results.json
 * under "server", next to what other benchmarks write there.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const GOAL = { requestsPerSecond: 2000, p99Ms: 50 };

interface Measurement {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  connections: number;
  durationS: number;
}

function startServer(dbFile: string): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', INNO_DB: dbFile, INNO_RATE_LIMIT: 'off', INNO_ADMIN_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Open (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (!m) return;
      // The request log that follows is drained unread: searching it all again for every
      // chunk made the benchmark's own work grow with the square of the log.
      child.stdout.off('data', onData);
      child.stdout.resume();
      resolve({ child, origin: m[1]! });
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it was ready:\n${out}`)));
  });
}

async function measure(name: string, options: autocannon.Options): Promise<Measurement> {
  const result = await autocannon({ duration: DURATION_S, ...options });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    connections: options.connections ?? 10,
    durationS: DURATION_S,
  };
}

const folder = mkdtempSync(join(tmpdir(), 'inno-bench-'));
const { child, origin } = await startServer(join(folder, 'inno.sqlite'));
let results: Measurement[];
try {
  const listUrl = `${origin}/api/v1/innovations?pageSize=24`;
  // Warm-up: JIT, statement cache and page cache, so the measurement sees steady state.
  await autocannon({ url: listUrl, connections: 10, duration: 2 });

  const list = await measure('GET /innovations (page of 24)', { url: listUrl, connections: 20 });

  const body = JSON.stringify({
    title: 'Halte pintar di depan pasar',
    problem: 'Penumpang tidak tahu kapan angkot datang sehingga menunggu lama di bawah terik matahari.',
    solution: 'Pasang papan informasi kedatangan angkot yang terhubung ke GPS armada, ditambah peneduh.',
    sector: 'transport',
    submitter: { name: 'Budi Santoso', email: 'budi@example.com', phone: '0812-3456-7890', helix: 'community' },
    consent: true,
  });
  const post = await measure('POST /ideas (fsync per idea)', {
    url: `${origin}/api/v1/ideas`,
    connections: 10,
    requests: [{
      method: 'POST',
      body,
      // A fresh key each time: a repeated key would measure the replay path instead.
      setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'content-type': 'application/json', 'idempotency-key': randomUUID() } }),
    }],
  });
  results = [list, post];
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(folder, { recursive: true, force: true });
}

const pad = (text: string | number, width: number) => String(text).padStart(width);
console.log(`\nReference server on loopback, ${cpus().length} cores, ${DURATION_S} s per scenario.`);
console.log('The idea rate limit was lifted for this run (INNO_RATE_LIMIT=off).\n');
console.log(`${'scenario'.padEnd(32)}${pad('req/s', 9)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('requests', 10)}${pad('non-2xx', 9)}${pad('errors', 8)}`);
for (const r of results) {
  console.log(`${r.name.padEnd(32)}${pad(r.requestsPerSecond, 9)}${pad(r.p50Ms, 9)}${pad(r.p99Ms, 9)}${pad(r.requests, 10)}${pad(r.non2xx, 9)}${pad(r.errors, 8)}`);
}
const list = results[0]!;
const met = list.requestsPerSecond >= GOAL.requestsPerSecond && list.p99Ms <= GOAL.p99Ms;
console.log(`\nGoal for the list: >= ${GOAL.requestsPerSecond} req/s and p99 <= ${GOAL.p99Ms} ms: ${met ? 'met' : 'NOT met'}.`);

const file = join(root, 'bench', 'results.json');
const previous: Record<string, unknown> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
previous.server = {
  measuredAt: new Date().toISOString(),
  node: process.version,
  cores: cpus().length,
  rateLimit: 'off for the benchmark',
  goal: GOAL,
  goalMet: met,
  scenarios: results,
};
writeFileSync(file, `${JSON.stringify(previous, null, 2)}\n`);
console.log(`Written to ${file} under "server".`);
