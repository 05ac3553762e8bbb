/**
 * Generated SVG pictures for the demo data (innovation covers, program banners, logos),
 * so that the demo needs nothing from the internet and never hot-links anyone's images.
 */

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function initials(name: string): string {
  const words = name.replace(/^(PT|CV|UD)\s+/i, '').split(/\s+/).filter((w) => /^[A-Za-z0-9]/.test(w));
  const significant = words.filter((w) => !/^(dan|di|kota|of|the)$/i.test(w));
  return (significant.length >= 2 ? significant[0]![0]! + significant[1]![0]! : (significant[0] ?? name).slice(0, 2)).toUpperCase();
}

/**
 * A cover or banner: the subject's colour and a few shapes from its id. No text on
 * purpose: widgets crop covers to fit their cards and show the title beside them, and
 * the alt text names the subject.
 */
export function coverSvg(id: string, subject: { color: string }): string {
  const h = hash(id);
  const shapes: string[] = [];
  for (let i = 0; i < 7; i++) {
    const v = hash(`${id}:${i}`);
    const cx = v % 1200;
    const cy = (v >>> 11) % 675;
    const r = 40 + ((v >>> 20) % 220);
    shapes.push(`<circle cx="${cx}" cy="${cy}" r="${r}" fill="#fff" fill-opacity="${(0.05 + (i % 3) * 0.04).toFixed(2)}"/>`);
  }
  const angle = h % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 675" width="1200" height="675">` +
    `<defs><linearGradient id="g" gradientTransform="rotate(${angle} .5 .5)">` +
    `<stop offset="0" stop-color="${subject.color}"/><stop offset="1" stop-color="#111827"/></linearGradient></defs>` +
    `<rect width="1200" height="675" fill="url(#g)"/>${shapes.join('')}` +
    `<circle cx="600" cy="337" r="92" fill="none" stroke="#fff" stroke-opacity=".55" stroke-width="10"/>` +
    `<circle cx="600" cy="337" r="34" fill="#fff" fill-opacity=".8"/></svg>`;
}

/** A round logo with the organisation's initials. */
export function logoSvg(subject: { label: string; color: string }): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256" width="256" height="256">` +
    `<circle cx="128" cy="128" r="124" fill="${subject.color}"/>` +
    `<circle cx="128" cy="128" r="104" fill="none" stroke="#fff" stroke-opacity=".35" stroke-width="6"/>` +
    `<text x="128" y="128" dy=".35em" text-anchor="middle" fill="#fff" font-size="92" font-weight="700" ` +
    `font-family="system-ui, 'Segoe UI', Roboto, sans-serif">${escapeXml(initials(subject.label))}</text></svg>`;
}
