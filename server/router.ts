/**
 * A tiny router: method + path pattern (`/innovations/:id`) → route function.
 */
import { HttpProblem } from './problem.js';

export type Params = Record<string, string>;

interface Route<C> {
  method: string;
  pattern: RegExp;
  names: string[];
  run: (ctx: C, params: Params) => void | Promise<void>;
}

export class Router<C> {
  private routes: Route<C>[] = [];

  add(method: string, path: string, run: Route<C>['run']): this {
    const names: string[] = [];
    const source = path.replace(/[.]/g, '\\.').replace(/:(\w+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), names, run });
    return this;
  }

  /** The route for this request, or a 404/405 problem. HEAD is served by GET routes. */
  match(method: string, path: string): { run: Route<C>['run']; params: Params } {
    const wanted = method === 'HEAD' ? 'GET' : method;
    const allowed = new Set<string>();
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      if (route.method !== wanted) {
        allowed.add(route.method);
        continue;
      }
      const params: Params = {};
      route.names.forEach((name, i) => {
        try {
          params[name] = decodeURIComponent(m[i + 1]!);
        } catch {
          throw new HttpProblem(400, { detail: 'The path is not correctly encoded.' });
        }
      });
      return { run: route.run, params };
    }
    if (allowed.size > 0) {
      if (allowed.has('GET')) allowed.add('HEAD');
      const allow = [...allowed, 'OPTIONS'].join(', ');
      throw new HttpProblem(405, { detail: `Use one of: ${allow}.`, headers: { Allow: allow } });
    }
    throw new HttpProblem(404, { type: 'not-found', detail: 'There is no such resource.' });
  }

  /** Methods that some route accepts on this path (for OPTIONS). */
  methodsFor(path: string): string[] {
    return this.routes.filter((r) => r.pattern.test(path)).map((r) => r.method);
  }
}
