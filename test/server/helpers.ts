/**
 * Shared set-up for the server tests: the real handler on a real HTTP socket, over a
 * temporary SQLite file filled with the demo data.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createTestApi, type TestApi, type TestApiOptions } from '../../server/testing.js';

export interface RunningApi {
  /** `http://127.0.0.1:PORT/api/v1` */
  base: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  api: TestApi;
  close(): Promise<void>;
}

export async function startApi(options: TestApiOptions = {}): Promise<RunningApi> {
  const api = createTestApi(options);
  const server: Server = createServer((req, res) => api.handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    base: `${origin}/api/v1`,
    origin,
    api,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      api.close();
    },
  };
}

/** A submission that passes every rule; override what a test is about. */
export function validIdea(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Halte pintar di depan pasar',
    problem: 'Penumpang tidak tahu kapan angkot datang sehingga menunggu lama di bawah terik matahari.',
    solution: 'Pasang papan informasi kedatangan angkot yang terhubung ke GPS armada, ditambah peneduh.',
    sector: 'transport',
    submitter: { name: 'Budi Santoso', email: 'budi.santoso@example.com', helix: 'community' },
    consent: true,
    ...overrides,
  };
}

export function postIdea(base: string, body: unknown, key: string | null = randomUUID(),
  headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/ideas`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(key === null ? {} : { 'Idempotency-Key': key }),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A small PNG (its signature and some bytes): what the server accepts as a photo. */
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

/** Sends PNG as a citizen's photo (`POST /uploads`) and returns its id. */
export async function uploadPng(base: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([PNG], { type: 'image/png' }), 'photo.png');
  const res = await fetch(`${base}/uploads`, { method: 'POST', body: form });
  if (res.status !== 201) throw new Error(`POST /uploads answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export function admin(api: RunningApi, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${api.base}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${api.api.adminToken}`, ...(init.headers as Record<string, string> | undefined) },
  });
}

/** Every idea the moderation API knows (all pages). */
export async function allAdminIdeas(base: string, token: string): Promise<{ id: string; trackingCode: string }[]> {
  const out: { id: string; trackingCode: string }[] = [];
  for (let page = 1; ; page++) {
    const res = await fetch(`${base}/admin/ideas?pageSize=100&page=${page}`, { headers: { Authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`admin list answered ${res.status}`);
    const body = (await res.json()) as { items: { id: string; trackingCode: string }[]; total: number };
    out.push(...body.items);
    if (out.length >= body.total || body.items.length === 0) return out;
  }
}

export async function problemOf(res: Response): Promise<{ type: string; title: string; status: number; detail?: string;
  errors?: { path: string; code: string; message: string }[] } & Record<string, unknown>> {
  if (!(res.headers.get('content-type') ?? '').startsWith('application/problem+json')) {
    throw new Error(`expected a problem, got ${res.status} ${res.headers.get('content-type')}`);
  }
  return (await res.json()) as never;
}

/**
 * Starts `server/main.ts` (what `npm start` runs after building) on a free port with `env`
 * added; resolves once it prints its URL.
 */
export function startMain(env: Record<string, string>): Promise<{ child: ChildProcess; origin: string }> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Open (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, origin: m[1]! });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}):\n${out}`)); });
  });
}

/** Runs one of the server's command-line tools (`server/<script>`) to the end. */
export function runTool(script: string, args: readonly string[], env: Record<string, string>):
  { status: number | null; stdout: string; stderr: string } {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', `server/${script}`, ...args], {
    cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Resolves when the process has exited, with its exit code. */
export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}
