/**
 * The body of `POST /ideas`: strict, an unknown key is a 422 and is never stored.
 * Used by the idea form (validation as the citizen types) and by the reference server.
 */
import * as z from 'zod/mini';
import { Helix, id, slug, text } from './shapes.js';

/** Indonesian or international phone number as typed: `08…`, `+62…`, `+<country>…`. */
export const phoneInput = z.string().check(
  z.trim(),
  z.regex(/^(?:\+[1-9]|\(?0)[0-9 ().-]{6,22}$/, 'Must be a phone number such as 0812… or +62 812…'),
  z.refine((s) => {
    const digits = s.replace(/\D/g, '');
    return digits.length >= 8 && digits.length <= 15;
  }, 'Must have between 8 and 15 digits'),
);

export const Submitter = z.strictObject({
  name: text(2, 100),
  email: z.email().check(z.trim(), z.maxLength(254)),
  phone: z.optional(phoneInput),
  helix: Helix,
  organization: z.optional(text(0, 150)),
});

/** Body of `POST /ideas`. Strict: an unknown key is a 422. */
export const IdeaSubmission = z.strictObject({
  title: text(8, 120),
  problem: text(30, 2000),
  solution: text(30, 4000),
  benefit: z.optional(text(0, 2000)),
  sector: slug,
  location: z.optional(text(0, 200)),
  submitter: Submitter,
  attachments: z.optional(z.array(id).check(z.maxLength(3))),
  programId: z.optional(id),
  consent: z.literal(true),
  /** Honeypot: people leave it empty. */
  website: z.optional(z.string().check(z.maxLength(2000))),
});

export type IdeaSubmission = z.input<typeof IdeaSubmission>;
