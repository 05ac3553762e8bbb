/**
 * The part of `zod/mini` that the browser runs, in a fraction of its bytes.
 *
 * The contract is written once, as zod schemas (shapes.ts, requests.ts): the reference
 * server validates requests with real zod and the OpenAPI document is generated from it.
 * A page, though, only ever calls `safeParse` on the response shapes and the idea form's
 * fields. zod/mini's core weighs about 9 kB gzip, half of the shared base every widget
 * page pays. The script-tag build therefore resolves `zod/mini` to this module (see
 * scripts/zod-lite.ts), which implements the constructors those schemas use with zod's
 * own parse algorithm: the same output, the same issues (code, path and message), in the
 * same order, including when a check is skipped after an earlier issue.
 *
 * test/api/zod-lite.node.test.ts holds both to that: it feeds every browser schema the
 * same arbitrary and mutated JSON under real zod and under this module and requires equal
 * results. A constructor the browser schemas do not use is not here, so a new one fails
 * the build (missing export) rather than validating differently.
 *
 * The npm build (`dist/lib`) keeps importing real `zod/mini`, so bundler users can compose
 * the exported schemas with their own zod.
 */

type Key = string | number;

/** A finished issue, as zod's `safeParse` reports it (without `input`). */
export interface Issue {
  code: string;
  path: Key[];
  message: string;
  [detail: string]: unknown;
}

interface RawIssue {
  code: string;
  path?: Key[];
  message?: string;
  continue?: boolean;
  /** Checks written with `z.check` may add it; like zod, the finished issue leaves it out. */
  input?: unknown;
  [detail: string]: unknown;
}

interface Payload {
  value: unknown;
  issues: RawIssue[];
}

interface Check {
  /** Runs on the payload; pushes issues or rewrites the value. */
  run(payload: Payload): void;
  /** Checks with a `when` still run after an issue that did not stop the value (zod's length checks). */
  when?: (payload: Payload) => boolean;
  /** `maxLength`: arrays over it are refused before their items are parsed. */
  cap?: number;
}

export type SafeParseResult =
  | { success: true; data: unknown }
  | { success: false; error: { issues: Issue[] } };

/** A type's own parse; `self` is the schema that runs it (a `.check()` copy has its own checks). */
type Parse = (payload: Payload, self: Schema) => void;
type Optin = 'optional' | undefined;
type Catchall = 'strip' | 'loose' | 'strict';

const continues = (message?: string): Partial<RawIssue> => (message === undefined ? { continue: true } : { continue: true, message });

/** zod's `util.aborted`: an issue from `start` on that does not say `continue: true`. */
function aborted(payload: Payload, start = 0): boolean {
  for (let i = start; i < payload.issues.length; i++) if (payload.issues[i]!.continue !== true) return true;
  return false;
}

/** zod's `util.explicitlyAborted`: an issue that says `continue: false`. */
const explicitlyAborted = (payload: Payload): boolean => payload.issues.some((issue) => issue.continue === false);

export class Schema {
  /** @internal */
  readonly _parse: Parse;
  /** @internal */
  readonly _checks: readonly Check[];
  /** @internal */
  readonly _optin: Optin;
  /** Object schemas: their fields, as zod's `.shape`. */
  readonly shape: Record<string, Schema> | undefined;
  /** @internal */
  readonly _catchall: Catchall | undefined;

  constructor(
    parse: Parse,
    checks: readonly Check[] = [],
    optin?: Optin,
    shape?: Record<string, Schema>,
    catchall?: Catchall,
  ) {
    this._parse = parse;
    this._checks = checks;
    this._optin = optin;
    this.shape = shape;
    this._catchall = catchall;
  }

  /** A copy with `checks` added after this schema's own (zod/mini's `.check()`). */
  check(...checks: Check[]): Schema {
    return new Schema(this._parse, [...this._checks, ...checks], this._optin, this.shape, this._catchall);
  }

  /** @internal zod's `_zod.run`: the type's parse, then its checks. */
  _run(payload: Payload): Payload {
    this._parse(payload, this);
    const checks = this._checks;
    if (checks.length === 0) return payload;
    let isAborted = aborted(payload);
    for (const check of checks) {
      if (check.when) {
        if (explicitlyAborted(payload) || !check.when(payload)) continue;
      } else if (isAborted) {
        continue;
      }
      const before = payload.issues.length;
      check.run(payload);
      if (!isAborted && payload.issues.length !== before) isAborted = aborted(payload, before);
    }
    return payload;
  }

  safeParse(value: unknown): SafeParseResult {
    const payload = this._run({ value, issues: [] });
    if (payload.issues.length === 0) return { success: true, data: payload.value };
    return {
      success: false,
      error: {
        issues: payload.issues.map(({ continue: _continue, input: _input, path, message, ...rest }) => ({
          ...rest,
          path: path ?? [],
          message: message ?? 'Invalid input',
        })),
      },
    };
  }
}

// ---------------------------------------------------------------------------------------
// Types

function typed(expected: string, ok: (value: unknown) => boolean): Parse {
  return (payload) => {
    if (!ok(payload.value)) payload.issues.push({ code: 'invalid_type', expected });
  };
}

const isString = (value: unknown): boolean => typeof value === 'string';
const parseString = typed('string', isString);
const parseNumber = (payload: Payload): void => {
  const input = payload.value;
  if (typeof input === 'number' && Number.isFinite(input)) return;
  payload.issues.push({
    code: 'invalid_type',
    expected: 'number',
    ...(typeof input === 'number' ? { received: Number.isNaN(input) ? 'NaN' : String(input) } : {}),
  });
};

export const string = (): Schema => new Schema(parseString);
export const number = (): Schema => new Schema(parseNumber);
export const boolean = (): Schema => new Schema(typed('boolean', (value) => typeof value === 'boolean'));
export const unknown = (): Schema => new Schema(() => {});

/** A safe integer (zod's `int` format: its own check runs before any added one). */
export const int = (): Schema =>
  new Schema(parseNumber, [
    {
      run(payload) {
        const input = payload.value as number;
        if (!Number.isInteger(input)) {
          payload.issues.push({ code: 'invalid_type', expected: 'int', format: 'safeint', continue: false });
        } else if (!Number.isSafeInteger(input)) {
          const note = 'Integers must be within the safe integer range.';
          payload.issues.push(
            input > 0
              ? { code: 'too_big', maximum: Number.MAX_SAFE_INTEGER, note, origin: 'int', inclusive: true, continue: true }
              : { code: 'too_small', minimum: Number.MIN_SAFE_INTEGER, note, origin: 'int', inclusive: true, continue: true },
          );
        }
      },
    },
  ]);

const oneOf = (values: readonly unknown[]): Schema => {
  const set = new Set(values);
  return new Schema((payload) => {
    if (!set.has(payload.value)) payload.issues.push({ code: 'invalid_value', values: [...values] });
  });
};
export { oneOf as enum };
export const literal = (value: string | number | boolean): Schema => oneOf([value]);

export const optional = (inner: Schema): Schema =>
  new Schema((payload) => {
    if (payload.value !== undefined) inner._run(payload);
  }, [], 'optional');

/** zod's `util.prefixIssues`. */
function prefixed(key: Key, issues: RawIssue[]): RawIssue[] {
  for (const issue of issues) issue.path = [key, ...(issue.path ?? [])];
  return issues;
}

export const array = (element: Schema): Schema =>
  new Schema((payload, self) => {
    const input = payload.value;
    if (!Array.isArray(input)) {
      payload.issues.push({ code: 'invalid_type', expected: 'array' });
      return;
    }
    // zod refuses an array over a leading maxLength before parsing its items.
    for (const check of self._checks) {
      if (check.cap === undefined) break;
      if (input.length > check.cap) {
        const start = payload.issues.length;
        check.run(payload);
        payload.issues[start]!.continue = false;
        return;
      }
    }
    const out: unknown[] = new Array<unknown>(input.length);
    for (let i = 0; i < input.length; i++) {
      const result = element._run({ value: input[i], issues: [] });
      if (result.issues.length) payload.issues.push(...prefixed(i, result.issues));
      out[i] = result.value;
    }
    payload.value = out;
  });

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function objectOf(shape: Record<string, Schema>, catchall: Catchall): Schema {
  const keys = Object.keys(shape);
  const known = new Set(keys);
  return new Schema(
    (payload) => {
      const input = payload.value;
      if (!isObject(input)) {
        payload.issues.push({ code: 'invalid_type', expected: 'object' });
        return;
      }
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        if (key === '__proto__') continue;
        const field = shape[key]!;
        const result = field._run({ value: input[key], issues: [] });
        const present = key in input;
        // zod's handlePropertyResult (an absent optional key has no issues and no value).
        if (result.issues.length) payload.issues.push(...prefixed(key, result.issues));
        if (!present && field._optin === undefined) {
          if (!result.issues.length) payload.issues.push({ code: 'invalid_type', expected: 'nonoptional', path: [key] });
          continue;
        }
        if (result.value !== undefined || present) out[key] = result.value;
      }
      if (catchall !== 'strip') {
        const unrecognized: string[] = [];
        for (const key in input) {
          if (known.has(key)) continue;
          if (catchall === 'strict') unrecognized.push(key);
          else if (key !== '__proto__') out[key] = input[key];
        }
        if (unrecognized.length) payload.issues.push({ code: 'unrecognized_keys', keys: unrecognized, continue: true });
      }
      payload.value = out;
    },
    [],
    undefined,
    shape,
    catchall,
  );
}

export const object = (shape: Record<string, Schema>): Schema => objectOf(shape, 'strip');
export const looseObject = (shape: Record<string, Schema>): Schema => objectOf(shape, 'loose');
export const strictObject = (shape: Record<string, Schema>): Schema => objectOf(shape, 'strict');
export const extend = (schema: Schema, shape: Record<string, Schema>): Schema =>
  objectOf({ ...schema.shape, ...shape }, schema._catchall ?? 'strip');

// ---------------------------------------------------------------------------------------
// String formats: a type whose own check comes before any added one.

function format(name: string, pattern: RegExp): Schema {
  return new Schema(parseString, [
    {
      run(payload) {
        pattern.lastIndex = 0;
        if (!pattern.test(payload.value as string)) {
          payload.issues.push({ code: 'invalid_format', origin: 'string', format: name, pattern: String(pattern), continue: true });
        }
      },
    },
  ]);
}

/** zod's email pattern (regexes.email); test/api/zod-lite.node.test.ts compares them. */
// eslint-disable-next-line no-useless-escape -- zod's pattern byte for byte: issues carry its text.
export const EMAIL = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
const DATE_SOURCE = '(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))';
/** zod's `regexes.date`. */
export const DATE = new RegExp(`^${DATE_SOURCE}$`);
/** zod's `regexes.datetime({ offset: true })`. */
export const DATETIME_OFFSET = new RegExp(
  `^${DATE_SOURCE}T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$`,
);

export const email = (): Schema => format('email', EMAIL);
export const iso = {
  date: (): Schema => format('date', DATE),
  datetime: (_options: { offset: true }): Schema => format('datetime', DATETIME_OFFSET),
};

/**
 * zod's `url({ protocol })` for an http(s) protocol pattern: the input trimmed must start
 * with `http(s)://`, parse as a URL and have a matching protocol; the value becomes the
 * trimmed input without tabs and line breaks.
 */
export const url = (options: { protocol: RegExp }): Schema =>
  new Schema(parseString, [
    {
      run(payload) {
        const trimmed = (payload.value as string).trim();
        const issue = (note?: string): void => {
          payload.issues.push({ code: 'invalid_format', format: 'url', ...(note ? { note } : {}), continue: true });
        };
        if (!/^https?:\/\//i.test(trimmed)) return issue('Invalid URL format');
        let parsed: URL;
        try {
          parsed = new URL(trimmed);
        } catch {
          return issue();
        }
        options.protocol.lastIndex = 0;
        if (!options.protocol.test(parsed.protocol.replace(/:$/, ''))) {
          payload.issues.push({ code: 'invalid_format', format: 'url', note: 'Invalid protocol', pattern: options.protocol.source, continue: true });
        }
        payload.value = trimmed.replace(/[\t\n\r]/g, '');
      },
    },
  ]);

// ---------------------------------------------------------------------------------------
// Checks

const custom = (run: (payload: Payload) => void): Check => ({ run });

export const trim = (): Check => custom((payload) => void (payload.value = (payload.value as string).trim()));
export const regex = (pattern: RegExp, message?: string): Check =>
  custom((payload) => {
    pattern.lastIndex = 0;
    if (!pattern.test(payload.value as string)) {
      payload.issues.push({ code: 'invalid_format', origin: 'string', format: 'regex', pattern: String(pattern), ...continues(message) });
    }
  });

const origin = (value: unknown): string => (Array.isArray(value) ? 'array' : typeof value === 'string' ? 'string' : 'unknown');

/** Length in code points for strings (zod 4.6), in items for arrays. */
function lengthOf(value: { length: number }): number {
  if (typeof value !== 'string') return value.length;
  let n = 0;
  for (const _ of value) n++;
  return n;
}

export const maxLength = (maximum: number): Check => ({
  cap: maximum,
  when: ({ value }) => value !== null && value !== undefined && (value as { length?: unknown }).length !== undefined,
  run(payload) {
    const value = payload.value as { length: number };
    if (lengthOf(value) <= maximum) return;
    payload.issues.push({ code: 'too_big', origin: origin(value), maximum, inclusive: true, continue: true });
  },
});

export const gte = (minimum: number): Check =>
  custom((payload) => {
    if ((payload.value as number) < minimum) {
      payload.issues.push({ code: 'too_small', origin: 'number', minimum, inclusive: true, continue: true });
    }
  });
export const lte = (maximum: number): Check =>
  custom((payload) => {
    if ((payload.value as number) > maximum) {
      payload.issues.push({ code: 'too_big', origin: 'number', maximum, inclusive: true, continue: true });
    }
  });

/** `z.check(fn)`: the function gets the payload (`value`, `issues`) itself. */
export { custom as check };

/** `z.refine(fn, message)`: a `custom` issue when `fn` says no. */
export const refine = (ok: (value: never) => boolean, message?: string): Check =>
  custom((payload) => {
    if (!ok(payload.value as never)) payload.issues.push({ code: 'custom', path: [], ...continues(message) });
  });

const noCheck: Check = { run: () => {} };
/** Metadata is for the JSON Schema output, which the browser never builds. */
export const meta = (_metadata: Record<string, unknown>): Check => noCheck;
