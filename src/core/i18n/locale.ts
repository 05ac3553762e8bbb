export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * `id`, `id-ID`, `in` (the old code for Indonesian) → `id`; `en`, `en-GB` → `en`;
 * anything else → undefined.
 */
export function toLocale(value: string | null | undefined): Locale | undefined {
  if (!value) return undefined;
  const base = value.trim().toLowerCase().split(/[-_]/)[0];
  if (base === 'id' || base === 'in') return 'id';
  if (base === 'en') return 'en';
  return undefined;
}

/** Every language's table has the same keys and shapes as the English one. */
export type Translations<T> = Record<Locale, T>;
