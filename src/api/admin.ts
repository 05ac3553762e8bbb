/** The moderation part of the contract (`/admin/ideas`): never used by the widgets. */
import * as z from 'zod/mini';
import { Helix, IdeaStatus, id, instant, slug, text } from './shapes.js';

export const IdeaHistoryEntry = z.object({
  status: IdeaStatus,
  note: z.optional(z.string()),
  at: instant,
});

/** An idea as moderators see it, personal data included. */
export const AdminIdea = z.object({
  id,
  trackingCode: z.string(),
  status: IdeaStatus,
  createdAt: instant,
  updatedAt: instant,
  history: z.array(IdeaHistoryEntry),
  title: z.string(),
  problem: z.string(),
  solution: z.string(),
  benefit: z.optional(z.string()),
  sector: slug,
  location: z.optional(z.string()),
  submitter: z.object({
    name: z.string(),
    email: z.string(),
    phone: z.optional(z.string()),
    helix: Helix,
    organization: z.optional(z.string()),
  }),
  attachments: z.optional(z.array(id)),
  programId: z.optional(id),
  consent: z.literal(true),
});

/** Body of `PATCH /admin/ideas/{id}`. */
export const AdminIdeaPatch = z.strictObject({
  status: IdeaStatus,
  note: z.optional(text(0, 1000)),
});

export type AdminIdea = z.infer<typeof AdminIdea>;
export type AdminIdeaPatch = z.infer<typeof AdminIdeaPatch>;
