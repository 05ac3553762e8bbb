/**
 * Turns the shared zod schemas' verdicts into problem responses.
 */
import * as z from 'zod/mini';
import type { FieldError } from '../src/api/schemas.js';
import { HttpProblem } from './problem.js';

type Issue = z.core.$ZodIssue;

// zod/mini says only "Invalid input" until a locale is loaded: with it, an error names the
// limit or the allowed values ("Too big: expected number to be <=100").
z.config(z.locales.en());

function pathOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** One entry per offending field; an unknown key is named by its own path. */
export function fieldErrors(issues: readonly Issue[]): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ path: pathOf([...issue.path, key]), code: issue.code, message: `Unknown field "${key}"` });
      }
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Report the union as one error at its own path rather than every branch's reasons.
      out.push({ path: pathOf(issue.path), code: issue.code, message: issue.message });
    } else {
      out.push({ path: pathOf(issue.path), code: issue.code, message: issue.message });
    }
  }
  return out;
}

/**
 * Parses `input` with `schema`, or throws the problem a client should get: 422 for a body
 * (the JSON was fine, its content was not), 400 for a query string.
 */
export function parseOr<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  status: 400 | 422,
): z.infer<S> {
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  throw new HttpProblem(status, {
    type: status === 422 ? 'validation-error' : 'invalid-query',
    title: status === 422 ? 'The request has invalid fields' : 'The query has invalid parameters',
    errors: fieldErrors(result.error.issues),
  });
}
