/**
 * The server's environment, read and checked once at start. A value that is wrong is
 * reported (one line per problem) and the server does not start: a silently "fixed" value
 * is a setting nobody chose.
 */
import { resolve } from 'node:path';
import { normaliseOrigin } from './cors.js';

export interface ServerConfig {
  port: number;
  host: string;
  dbFile: string;
  allowedOrigins: string[];
  adminToken: string | undefined;
  /** Ideas a minute per client address, or `false` (benchmarks only). */
  rateLimit: number | false;
  /** Fill an empty database with the demo city. */
  demo: boolean;
  /** Proxy hops in front of the server whose X-Forwarded-For/-Host/-Proto entries are believed (0: none). */
  trustProxy: number;
  /** `https://host[:port]` plus an optional path prefix, as the public reaches the server. */
  publicUrl: { origin: string; pathPrefix: string } | undefined;
  distDir: string;
}

/** Shorter tokens can be guessed by trying; 32 characters of `openssl rand -base64 32` cannot. */
export const MIN_ADMIN_TOKEN_LENGTH = 32;

/** The database the server and its tools use: INNO_DB, else ./data/inno.sqlite. */
export function dbFileFrom(env: NodeJS.ProcessEnv): string {
  return resolve(env['INNO_DB']?.trim() || './data/inno.sqlite');
}

/** Every variable the server reads; other `INNO_*` names are most likely misspelt. */
export const KNOWN_VARIABLES = [
  'INNO_DB', 'INNO_ALLOWED_ORIGINS', 'INNO_ADMIN_TOKEN', 'INNO_RATE_LIMIT', 'INNO_DEMO', 'INNO_TRUST_PROXY',
  'INNO_PUBLIC_URL', 'INNO_DIST',
] as const;

export type ConfigResult = { ok: true; config: ServerConfig; warnings: string[] } | { ok: false; problems: string[] };

const wholeNumber = (text: string): number | undefined => (/^\d{1,9}$/.test(text) ? Number(text) : undefined);

/** Reads the environment; `root` is where relative INNO_DIST paths start. */
export function readConfig(env: NodeJS.ProcessEnv, root: string): ConfigResult {
  const problems: string[] = [];
  const warnings: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name];
    return raw === undefined ? undefined : raw.trim();
  };

  const portText = value('PORT') || '8787';
  const port = wholeNumber(portText);
  if (port === undefined || port > 65_535) {
    problems.push(`PORT="${portText}" is not a port number: use a whole number from 1 to 65535 (0 picks a free port).`);
  }

  const host = value('HOST') || '127.0.0.1';
  if (/\s|\/|^\[|\]$/.test(host)) {
    problems.push(`HOST="${host}" is not an address to listen on: use an IP address or name, e.g. 127.0.0.1 or 0.0.0.0.`);
  }

  const allowedOrigins: string[] = [];
  for (const entry of (value('INNO_ALLOWED_ORIGINS') ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const origin = normaliseOrigin(entry.replace(/\/$/, ''));
    if (origin) {
      allowedOrigins.push(origin);
    } else {
      const guess = /^[a-z0-9.-]+(?::\d+)?$/i.test(entry) ? ` (did you mean https://${entry}?)` : '';
      problems.push(`INNO_ALLOWED_ORIGINS: "${entry}" is not an origin${guess}. ` +
        'Write each as scheme://host[:port], with no path, e.g. https://portal.example.go.id.');
    }
  }

  const token = value('INNO_ADMIN_TOKEN') || undefined;
  if (token !== undefined && (token.length < MIN_ADMIN_TOKEN_LENGTH || /\s/.test(token))) {
    problems.push(`INNO_ADMIN_TOKEN is too weak: it must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters without spaces ` +
      `(this one has ${token.length}). Make one with: openssl rand -base64 32`);
  }

  const rateText = value('INNO_RATE_LIMIT') || '10';
  const rate = rateText === 'off' ? false : wholeNumber(rateText);
  if (rate === undefined || rate === 0) {
    problems.push(`INNO_RATE_LIMIT="${rateText}" is not a limit: use a whole number of ideas a minute per address ` +
      'from 1 up, or off (benchmarks only).');
  }

  const demoText = (value('INNO_DEMO') || 'on').toLowerCase();
  if (demoText !== 'on' && demoText !== 'off') {
    problems.push(`INNO_DEMO="${demoText}" must be on (fill an empty database with the demo city) or off.`);
  }

  const proxyText = value('INNO_TRUST_PROXY') || '0';
  const trustProxy = wholeNumber(proxyText);
  if (trustProxy === undefined || trustProxy > 10) {
    problems.push(`INNO_TRUST_PROXY="${proxyText}" must be the number of reverse proxies in front of the server ` +
      '(0 when clients connect directly; usually 1).');
  }

  let publicUrl: ServerConfig['publicUrl'];
  const publicText = value('INNO_PUBLIC_URL');
  if (publicText) {
    const match = /^(https?:\/\/[^/?#\s]+)(\/[^?#\s]*)?$/i.exec(publicText);
    const origin = match ? normaliseOrigin(match[1]!) : undefined;
    if (!match || !origin) {
      problems.push(`INNO_PUBLIC_URL="${publicText}" is not a URL: write it as https://host[/path], ` +
        'where the public reaches this server (no query, no #).');
    } else {
      publicUrl = { origin, pathPrefix: (match[2] ?? '').replace(/\/+$/, '') };
    }
  }

  for (const name of Object.keys(env)) {
    if (name.startsWith('INNO_') && !(KNOWN_VARIABLES as readonly string[]).includes(name)) {
      warnings.push(`${name} is not a setting of this server and is ignored (known: ${KNOWN_VARIABLES.join(', ')}).`);
    }
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    warnings,
    config: {
      port: port!, host, dbFile: dbFileFrom(env), allowedOrigins,
      adminToken: token, rateLimit: rate as number | false, demo: demoText === 'on', trustProxy: trustProxy!, publicUrl,
      distDir: resolve(root, value('INNO_DIST') || 'dist'),
    },
  };
}
