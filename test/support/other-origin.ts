/**
 * The test server under its other name (localhost for 127.0.0.1, or the other way round): a
 * different origin, not on the reference API's allowed list, so the browser refuses every
 * answer — which a page cannot tell from a stopped server.
 */
export function otherOrigin(): { host: string; apiBase: string } {
  const host = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
  return { host, apiBase: `${location.protocol}//${host}:${location.port}/api/v1` };
}

/** Runs `body` with console.warn recorded (and silenced); returns what was warned. */
export async function recordWarnings(body: () => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  try {
    await body();
  } finally {
    console.warn = original;
  }
  return warnings;
}
