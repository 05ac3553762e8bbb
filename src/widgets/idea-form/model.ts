/**
 * The form's model: what a citizen typed, how it becomes an `IdeaSubmission`, and how the
 * shared schema's issues (ours before sending, the server's 422 after) land on fields.
 */
import type * as z from 'zod/mini';
import { IdeaSubmission, Submitter, type IdeaSubmission as Submission } from '../../api/requests.js';
import { graphemeLength } from '../../api/shapes.js';
import type { FieldKey } from './strings.js';

export type TextKey = Exclude<FieldKey, 'attachments' | 'consent'>;

/** Everything typed, as typed (strings), so that a draft restores exactly. */
export type FormValues = Record<TextKey, string> & { consent: boolean };

export const TEXT_KEYS: readonly TextKey[] = [
  'title', 'problem', 'solution', 'benefit', 'sector', 'location', 'helix', 'name', 'email', 'phone', 'organization',
];

/** Order of the fields on the page, which is also the order of the error summary. */
export const FIELD_ORDER: readonly FieldKey[] = [
  'title', 'problem', 'solution', 'benefit', 'sector', 'location', 'attachments',
  'helix', 'name', 'email', 'phone', 'organization', 'consent',
];

export const emptyValues = (): FormValues => ({
  title: '', problem: '', solution: '', benefit: '', sector: '', location: '', helix: '',
  name: '', email: '', phone: '', organization: '', consent: false,
});

/** Text limits of API.md, in user-perceived characters (min 0 = optional). */
export const LIMITS: Partial<Record<TextKey, readonly [number, number]>> = {
  title: [8, 120],
  problem: [30, 2000],
  solution: [30, 4000],
  benefit: [0, 2000],
  location: [0, 200],
  name: [2, 100],
  organization: [0, 150],
};

const OPTIONAL = new Set<FieldKey>(['benefit', 'location', 'phone', 'organization', 'attachments']);
export const isOptional = (key: FieldKey) => OPTIONAL.has(key);

const SUBMITTER_KEYS = new Set<string>(['name', 'email', 'phone', 'helix', 'organization']);

/** What is wrong with a field, in terms the strings can word in either language. */
export type FieldProblem =
  | { code: 'required' | 'invalid' | 'gone' | 'pending' }
  | { code: 'tooShort'; min: number; now: number }
  | { code: 'tooLong'; max: number; now: number };

export type FieldProblems = Partial<Record<FieldKey, FieldProblem>>;

/** `submitter.email` → `email`; `attachments.1` → `attachments`; anything else unknown. */
export function fieldOfPath(path: string): FieldKey | undefined {
  const [head, sub] = path.split('.');
  if (head === 'submitter' && sub && SUBMITTER_KEYS.has(sub)) return sub as FieldKey;
  if (head === 'attachments') return 'attachments';
  return (FIELD_ORDER as readonly string[]).includes(head ?? '') ? (head as FieldKey) : undefined;
}

/** The submission body: empty optional text is left out rather than sent as "". */
export function toSubmission(
  values: FormValues, extra: { attachments: string[]; programId?: string | undefined; honeypot: string },
): Submission {
  const optional = (s: string) => (s.trim() === '' ? undefined : s.trim());
  const body: Submission = {
    title: values.title.trim(),
    problem: values.problem.trim(),
    solution: values.solution.trim(),
    benefit: optional(values.benefit),
    sector: values.sector,
    location: optional(values.location),
    submitter: {
      name: values.name.trim(),
      email: values.email.trim(),
      phone: optional(values.phone),
      helix: values.helix as Submission['submitter']['helix'],
      organization: optional(values.organization),
    },
    attachments: extra.attachments.length > 0 ? extra.attachments : undefined,
    programId: extra.programId,
    consent: values.consent as true,
  };
  if (extra.honeypot !== '') body.website = extra.honeypot;
  // JSON leaves undefined keys out anyway; dropping them keeps the body stable for comparison.
  return JSON.parse(JSON.stringify(body)) as Submission;
}

function problemOf(key: FieldKey, values: FormValues, issue: { code: string }): FieldProblem {
  if (key === 'consent' || key === 'sector' || key === 'helix') return { code: 'required' };
  if (key === 'attachments') return { code: 'invalid' };
  const value = values[key].trim();
  if (value === '' && !isOptional(key)) return { code: 'required' };
  const limits = LIMITS[key];
  const now = graphemeLength(value);
  if (limits && issue.code === 'too_small') return { code: 'tooShort', min: limits[0], now };
  if (limits && issue.code === 'too_big') return { code: 'tooLong', max: limits[1], now };
  return { code: 'invalid' };
}

/** The schema of one field, taken from the shared contract (never a second copy of its rules). */
function schemaOf(key: FieldKey): z.ZodMiniType | undefined {
  if (SUBMITTER_KEYS.has(key)) return Submitter.shape[key as keyof typeof Submitter.shape];
  return IdeaSubmission.shape[key as keyof typeof IdeaSubmission.shape];
}

/** Checks one field on its own (on blur, and while an error is showing). */
export function checkField(key: FieldKey, values: FormValues): FieldProblem | undefined {
  if (key === 'attachments') return undefined;
  if (key === 'consent') return values.consent ? undefined : { code: 'required' };
  const raw = values[key];
  if (raw.trim() === '') return isOptional(key) ? undefined : { code: 'required' };
  const schema = schemaOf(key);
  const result = schema?.safeParse(key === 'helix' || key === 'sector' ? raw : raw.trim());
  return !result || result.success ? undefined : problemOf(key, values, result.error.issues[0] ?? { code: '' });
}

/**
 * Problems by field, one each: from the shared schema's issues before sending, or from the
 * server's 422 field errors after (`programId` is not a field and is reported apart).
 */
export function problemsOf(issues: readonly { path: string; code: string }[], values: FormValues): FieldProblems {
  const problems: FieldProblems = {};
  for (const issue of issues) {
    const key = fieldOfPath(issue.path);
    if (key && !problems[key]) {
      problems[key] = key === 'attachments' && issue.code === 'not_found' ? { code: 'gone' } : problemOf(key, values, issue);
    }
  }
  return problems;
}

/** Checks the whole submission with the shared schema. */
export function checkAll(body: Submission, values: FormValues): FieldProblems {
  const result = IdeaSubmission.safeParse(body);
  return result.success ? {} : problemsOf(result.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })), values);
}
