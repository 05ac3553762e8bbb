/**
 * The draft on this device only (localStorage): what was typed, the attachments already
 * uploaded, and the Idempotency-Key of this one idea, so that a send retried after a
 * reload still cannot make a second idea.
 */
import { IDEMPOTENCY_KEEP_DAYS } from '../../api/shapes.js';
import { emptyValues, TEXT_KEYS, type FormValues } from './model.js';

export interface DraftAttachment {
  id: string;
  name: string;
  size: number;
  type: string;
}

export interface Draft {
  values: FormValues;
  attachments: DraftAttachment[];
  idempotencyKey: string;
  /** The body last sent with this key, should the server say the key was used already. */
  sent?: unknown;
  /** Send was pressed and no answer settled it: the form sends again when it opens (see RESUME_MS). */
  pending?: boolean;
  /** When this key first went out. */
  sentAt?: number | undefined;
  /** The chosen sector's name, shown until the sector list loads. */
  sectorLabel?: string;
  savedAt: number;
}

const PREFIX = 'inno-idea-form:v1:';

/**
 * A send left pending goes on by itself only this long after its key first went out, while the
 * API still keeps the key's answer; later the draft comes back for the citizen to send.
 */
export const RESUME_MS = IDEMPOTENCY_KEEP_DAYS * 86_400_000;

export const draftStorageKey = (baseUrl: string, draftKey: string | undefined) =>
  `${PREFIX}${baseUrl}#${draftKey ?? ''}`;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Storage can be switched off (privacy settings, sandboxed iframes): the form still works.
    return undefined;
  }
}

/** The stored draft, checked field by field: anything unreadable is dropped, never trusted. */
export function loadDraft(key: string): Draft | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(storage()?.getItem(key) ?? 'null');
  } catch {
    return undefined;
  }
  if (!raw || typeof raw !== 'object') return undefined;
  const data = raw as Record<string, unknown>;
  if (typeof data['idempotencyKey'] !== 'string') return undefined;
  const values = emptyValues();
  const stored = (data['values'] ?? {}) as Record<string, unknown>;
  for (const k of TEXT_KEYS) if (typeof stored[k] === 'string') values[k] = stored[k];
  values.consent = stored['consent'] === true;
  const attachments = Array.isArray(data['attachments'])
    ? (data['attachments'] as DraftAttachment[]).filter(
        (a) => a && typeof a.id === 'string' && typeof a.name === 'string' && typeof a.size === 'number' && typeof a.type === 'string',
      ).slice(0, 3)
    : [];
  return {
    values, attachments, idempotencyKey: data['idempotencyKey'],
    sent: data['sent'], pending: data['pending'] === true,
    sentAt: typeof data['sentAt'] === 'number' ? data['sentAt'] : undefined,
    sectorLabel: typeof data['sectorLabel'] === 'string' ? data['sectorLabel'] : undefined,
    savedAt: typeof data['savedAt'] === 'number' ? data['savedAt'] : Date.now(),
  };
}

export function saveDraft(key: string, draft: Draft): void {
  try {
    storage()?.setItem(key, JSON.stringify(draft));
  } catch {
    // Full or blocked storage: keep going; the form itself still holds everything.
  }
}

export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // As above.
  }
}

/** True when there is anything worth keeping (an untouched form leaves nothing behind). */
export function hasContent(values: FormValues, attachments: readonly unknown[]): boolean {
  return attachments.length > 0 || values.consent || TEXT_KEYS.some((k) => values[k].trim() !== '');
}
