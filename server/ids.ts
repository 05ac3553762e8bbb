/**
 * Generated identifiers: opaque ids for records, and tracking codes for citizens.
 */
import { randomBytes, randomUUID } from 'node:crypto';

/** 32 symbols with no 0/O or 1/I to confuse when read aloud or copied by hand. */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * `K7QM-2XRP-9HWD`: 60 random bits, so that codes cannot be enumerated even though
 * looking one up needs nothing else. 32 symbols map to 5 bits each, without modulo bias.
 */
export function trackingCode(): string {
  const bytes = randomBytes(12);
  let code = '';
  for (let i = 0; i < 12; i++) {
    if (i > 0 && i % 4 === 0) code += '-';
    code += TRACKING_ALPHABET[bytes[i]! & 31];
  }
  return code;
}

/** Lenient reading of a typed code: lower case, spaces and missing dashes forgiven. */
export function normaliseTrackingCode(input: string): string | undefined {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '');
  if (cleaned.length !== 12) return undefined;
  for (const ch of cleaned) if (!TRACKING_ALPHABET.includes(ch)) return undefined;
  return `${cleaned.slice(0, 4)}-${cleaned.slice(4, 8)}-${cleaned.slice(8)}`;
}

/** Opaque URL-safe record id with a readable prefix (`idea_…`, `upl_…`). */
export function recordId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

export { randomUUID };
