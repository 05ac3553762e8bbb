/**
 * Phone numbers as people in Indonesia type them (`0812-3456-7890`, `+62 812 3456 7890`,
 * `+62 0812…`) normalised to E.164 (`+6281234567890`).
 */

/** E.164, or undefined when the input cannot be one. */
export function toE164(input: string): string | undefined {
  const trimmed = input.trim();
  let digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) {
    // "+62 0812…" is a common way to write a national number after the country code.
    if (digits.startsWith('620')) digits = '62' + digits.slice(3);
  } else if (digits.startsWith('0')) {
    digits = '62' + digits.slice(1);
  } else {
    return undefined;
  }
  return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : undefined;
}
