import { css, unsafeCSS, type CSSResultGroup } from 'lit';

/**
 * Design tokens. A page themes every widget by setting the public `--inno-*` custom
 * properties on any ancestor (they inherit into shadow roots); the library itself never
 * sets them, so a campus's colours are never overridden. Each widget reads them through
 * private `--_*` properties whose defaults come from the palette of the active theme.
 *
 * Both palettes meet WCAG 2.2 AA: body text ≥ 4.5:1 on background and surface, borders
 * and focus ring ≥ 3:1.
 */
const light = {
  bg: '#ffffff',
  surface: '#f4f6f9',
  text: '#1a1f29',
  'text-muted': '#4a5466',
  border: '#767f8f',
  'border-subtle': '#d5dae2',
  primary: '#0b5cad',
  'on-primary': '#ffffff',
  danger: '#b42318',
  success: '#17723a',
  warning: '#8a5300',
  focus: '#1a5fd1',
  'helix-government': '#1f5fbf',
  'helix-academia': '#7b3fb5',
  'helix-business': '#a35200',
  'helix-community': '#17723a',
  'helix-media': '#b8255f',
  shadow: '0 1px 3px rgb(16 24 40 / 0.12), 0 1px 2px rgb(16 24 40 / 0.08)',
} as const;

const dark: Record<keyof typeof light, string> = {
  bg: '#12161c',
  surface: '#1c222b',
  text: '#eef1f5',
  'text-muted': '#b4bcc8',
  border: '#8690a2',
  'border-subtle': '#343c49',
  primary: '#7ab4ff',
  'on-primary': '#0b1a2e',
  danger: '#ff9a8f',
  success: '#73d68e',
  warning: '#f2c25b',
  focus: '#8cc1ff',
  'helix-government': '#7ab0ff',
  'helix-academia': '#c9a2f2',
  'helix-business': '#f5a35c',
  'helix-community': '#6fd39a',
  'helix-media': '#ff8fbb',
  shadow: '0 1px 3px rgb(0 0 0 / 0.5)',
};

export type TokenName = keyof typeof light;
export const TOKEN_NAMES = Object.keys(light) as TokenName[];

function tokenName(name: TokenName): string {
  return name === 'shadow' ? '--inno-shadow' : `--inno-color-${name}`;
}

/** `--_bg: var(--inno-color-bg, #ffffff); …` — constant text of our own, never data. */
function palette(values: Record<TokenName, string>): string {
  return TOKEN_NAMES.map((name) => `--_${name}: var(${tokenName(name)}, ${values[name]});`).join('\n');
}

/**
 * The palettes: light by default; dark where the page is dark (the host then carries
 * data-inno-dark-page, see base-element.ts), unless a provider forces light; dark when a
 * provider forces it (the host then carries data-inno-theme). `--_data-color-lift` is how far
 * a colour that comes with the data (a category's) moves toward the text colour to stay
 * legible: nothing on light, enough on dark.
 */
const themeTokens = unsafeCSS(`
  :host { ${palette(light)} color-scheme: light; --_data-color-lift: 0%; }
  :host([data-inno-dark-page]:not([data-inno-theme='light'])),
  :host([data-inno-theme='dark']) { ${palette(dark)} color-scheme: dark; --_data-color-lift: 45%; }
`);

/**
 * Shared host styles: tokens, typography, focus ring, and the few utility classes every
 * widget uses.
 */
const sharedStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    --_font: var(--inno-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    --_font-size: var(--inno-font-size, 1rem);
    --_radius: var(--inno-radius, 0.5rem);
    --_space: var(--inno-space, 0.5rem);
    --_focus-width: var(--inno-focus-ring-width, 3px);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  /* Text fields and selects look alike in every widget; :where() keeps this overridable. */
  :where(input:not([type='checkbox'], [type='radio'], [type='file']), select, textarea) {
    min-height: 2.75rem;
    padding: 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
  }
  /* The dialogs' frame; each widget sets its own size (:where() keeps this overridable). */
  :where(dialog) {
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    box-shadow: var(--_shadow);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_space) * 0.75);
    min-height: 2.75rem;
    padding: 0 calc(var(--_space) * 2);
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
  }
  .button.secondary {
    background: transparent;
    color: var(--_primary);
  }
  .button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .state {
    padding: calc(var(--_space) * 3);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    background: var(--_surface);
    text-align: center;
  }
  .state h2,
  .state h3 {
    margin: 0 0 var(--_space);
    font-size: 1.1em;
  }
  .state p {
    margin: 0 0 calc(var(--_space) * 2);
    color: var(--_text-muted);
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      transition-duration: 0.01ms !important;
    }
  }
`;

export const baseStyles: CSSResultGroup = [themeTokens, sharedStyles];
