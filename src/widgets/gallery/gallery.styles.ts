import { css, unsafeCSS } from 'lit';

/**
 * Rules lit-analyzer's CSS grammar does not know yet, kept outside `css` only for that
 * reason (constant text of our own):
 * - cards off screen are neither laid out nor painted; their fixed height keeps the page still;
 * - a list in a narrow column (a phone, or a sidebar of a wide page) shows text only, without
 *   the picture column: a container query, because the widget's width is what counts.
 */
const newerRules = unsafeCSS(`
  .card { content-visibility: auto; }
  .list { container-type: inline-size; }
  @container (max-width: 30rem) {
    .view-list .card { grid-template-columns: 1fr; }
    .view-list .media { display: none; }
  }
`);

export const galleryStyles = css`
  :host {
    --_card-min: var(--inno-gallery-card-min, 16rem);
  }
  /* Its own background: a dark system theme on a light page must not leave light text on white. */
  .gallery {
    background: var(--_bg);
    color: var(--_text);
    display: grid;
    gap: calc(var(--_space) * 2);
    min-width: 0;
  }
  .toolbar {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  label {
    display: block;
    font-weight: 600;
    font-size: 0.875em;
    margin-bottom: calc(var(--_space) / 2);
  }
  input,
  select {
    width: 100%;
  }
  .facets {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 8.5rem), 1fr));
    gap: var(--_space);
    align-items: end;
  }
  .view-switch {
    display: flex;
  }
  .toggle,
  .page,
  .chip,
  .link-button {
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0 var(--_space);
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }
  .toggle {
    flex: 1;
  }
  .toggle:first-child {
    border-radius: var(--_radius) 0 0 var(--_radius);
  }
  .toggle:last-child {
    border-radius: 0 var(--_radius) var(--_radius) 0;
    border-left: 0;
  }
  .toggle[aria-pressed='true'],
  .page[aria-current='page'] {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  .chips-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  .chips,
  .pages,
  .plain-list {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .plain-list {
    display: grid;
  }
  .chip {
    display: inline-flex;
    gap: var(--_space);
    align-items: center;
    border-radius: 999px;
    background: var(--_surface);
    max-width: 100%;
    overflow-wrap: anywhere;
    text-align: start;
  }
  .link-button {
    border-color: transparent;
    background: transparent;
    color: var(--_primary);
    text-decoration: underline;
  }
  .count {
    margin: 0;
    min-height: 1.5em;
    color: var(--_text-muted);
  }
  .note {
    margin: 0;
    padding: var(--_space);
    border-left: 4px solid var(--_warning);
    background: var(--_surface);
  }
  .list {
    display: grid;
    gap: calc(var(--_space) * 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .view-grid {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--_card-min)), 1fr));
  }
  .list.stale {
    opacity: 0.6;
  }
  .card {
    position: relative;
    display: grid;
    grid-template-rows: auto 1fr;
    height: 19.5rem;
    overflow: hidden;
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
    color: var(--_text);
  }
  .view-list .card {
    grid-template-rows: none;
    grid-template-columns: minmax(5rem, 30%) 1fr;
    height: 10rem;
  }
  .media {
    height: 10rem;
    overflow: hidden;
    background: var(--_border-subtle);
    color: var(--_primary);
  }
  .view-list .media {
    height: 100%;
  }
  /* Programs carry more lines (dates, audience, sectors); every card of a list is as tall. */
  .programs .card {
    height: 26.5rem;
  }
  .programs.view-list .card {
    height: 14rem;
  }
  ${newerRules}
  .media img,
  .media svg {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .ph-bg {
    fill: var(--_surface);
  }
  .ph-text {
    fill: var(--_text);
    font: 600 28px var(--_font);
  }
  .body {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    padding: var(--_space) calc(var(--_space) * 1.5);
    min-width: 0;
    overflow: hidden;
  }
  /* Clipped at the bottom when too long, never squeezed into each other. */
  .body > * {
    flex-shrink: 0;
  }
  .title {
    margin: 0;
    font-size: 1.05em;
    line-height: 1.3;
  }
  .open {
    all: unset;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
    overflow-wrap: anywhere;
    cursor: pointer;
    color: var(--_primary);
    font-weight: 700;
  }
  /* The whole card opens the details; the button stays the one focusable, named control. */
  .open::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  .open:focus-visible {
    outline: none;
  }
  .card:has(.open:focus-visible) {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  .open:hover {
    text-decoration: underline;
  }
  .line {
    margin: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .muted {
    color: var(--_text-muted);
  }
  .dot {
    display: inline-block;
    width: 0.6em;
    height: 0.6em;
    margin-inline-end: 0.35em;
    border-radius: 50%;
    background: var(--_text-muted);
  }
  .helix-government { background: var(--_helix-government); }
  .helix-academia { background: var(--_helix-academia); }
  .helix-business { background: var(--_helix-business); }
  .helix-community { background: var(--_helix-community); }
  .helix-media { background: var(--_helix-media); }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    margin: 0;
  }
  .badge {
    padding: 0 0.5em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.8125em;
    line-height: 1.6;
    color: var(--_text);
    background: var(--_bg);
  }
  .badge.plain {
    border-color: var(--_border-subtle);
  }
  .stage-implemented,
  .status-open {
    border-color: var(--_success);
    color: var(--_success);
    font-weight: 600;
  }
  .stage-trial,
  .status-upcoming {
    border-color: var(--_warning);
    color: var(--_warning);
    font-weight: 600;
  }
  .skeleton .bar {
    display: block;
    height: 1em;
    margin: 0.25em 0;
    border-radius: 4px;
    background: var(--_border-subtle);
  }
  .skeleton .title-bar {
    height: 1.3em;
    width: 80%;
  }
  .skeleton .short {
    width: 40%;
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton .bar,
    .skeleton .media {
      animation: pulse 1.4s ease-in-out infinite;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  .paging {
    display: grid;
    gap: var(--_space);
    justify-items: center;
  }
  .paging p {
    margin: 0;
  }
  .page {
    border-radius: var(--_radius);
  }
  .gap {
    align-self: center;
  }
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  .error-text {
    color: var(--_danger);
  }
  dialog {
    width: min(100% - 1rem, 44rem);
    max-height: calc(100% - 2rem);
    overflow-wrap: anywhere;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }
  .dialog-head {
    display: flex;
    gap: var(--_space);
    align-items: start;
    justify-content: space-between;
  }
  .dialog-head h2 {
    margin: 0;
    font-size: 1.35em;
  }
  .dialog-head form {
    margin: 0;
  }
  .close {
    font-size: 1.25em;
  }
  .detail h3 {
    margin: calc(var(--_space) * 2) 0 var(--_space);
    font-size: 1.05em;
  }
  .detail p {
    margin: 0 0 var(--_space);
  }
  .gallery-images {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr));
    gap: var(--_space);
    margin: var(--_space) 0;
  }
  .gallery-images img {
    width: 100%;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    border-radius: var(--_radius);
  }
  .metrics {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 10rem), 1fr));
    gap: var(--_space);
    margin: 0;
  }
  .metrics div {
    padding: var(--_space);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
  }
  .metrics dt {
    color: var(--_text-muted);
    font-size: 0.875em;
  }
  .metrics dd {
    margin: 0;
    font-weight: 700;
    font-size: 1.2em;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
  }
  a:not(.button) {
    color: var(--_primary);
  }
`;
