import { html, svg, type TemplateResult } from 'lit';

/** A small stable hash of a string (FNV-1a), so a title always gets the same picture. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Up to two initials of a title (letters or digits of any script). */
function initials(title: string): string {
  const words = title.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words
    .slice(0, 2)
    .map((w) => [...w][0]!.toLocaleUpperCase())
    .join('');
}

/**
 * The picture of an item without an image: shapes placed by a hash of its title, in its
 * sector's colour (a validated `#hex` from the taxonomy) or the primary colour, with its
 * initials. Built as an SVG template, never as markup text. Decorative: the title is
 * already on the card.
 */
export function placeholder(title: string, color: string | undefined): TemplateResult {
  const h = hash(title);
  const fill = color ?? 'currentColor';
  const circles = [0, 1, 2].map((i) => {
    const v = (h >>> (i * 9)) & 0x1ff;
    return svg`<circle cx=${(v * 7) % 160} cy=${(v * 3) % 90} r=${18 + (v % 30)} fill=${fill} opacity=${0.18 + i * 0.08}></circle>`;
  });
  return html`<svg class="placeholder" part="placeholder" viewBox="0 0 160 90" preserveAspectRatio="xMidYMid slice" aria-hidden="true" focusable="false">
    <rect width="160" height="90" class="ph-bg"></rect>
    ${circles}
    <text x="80" y="45" dy="0.35em" text-anchor="middle" class="ph-text">${initials(title)}</text>
  </svg>`;
}
