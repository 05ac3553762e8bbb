/**
 * A build-time rewrite of a dependency's file that must find what it rewrites exactly once:
 * if an upgrade changes the line, the build fails with `fix` instead of shipping code that
 * no longer gets the rewrite. Used by scripts/trusted-types.ts and scripts/trim-quadtree.ts.
 */
export interface Rewrite {
  /** What is rewritten, for messages. */
  what: string;
  /** The files it applies to. */
  file: RegExp;
  /** Must match exactly once in each such file (a global pattern). */
  find: RegExp;
  replace: string;
}

export function rewriteOnce(r: Rewrite, code: string, file: string, fix: string): string {
  const found = code.match(r.find)?.length ?? 0;
  if (found !== 1) throw new Error(`${file}: expected ${r.what} once, found it ${found} times. ${fix}`);
  return code.replace(r.find, r.replace);
}
