import { consume } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.js';
import { ApiError, isAbort } from '../api/errors.js';
import { clientFor, ensureContextRoot, innoContext, type InnoContextValue } from './context.js';
import { coreStrings, toLocale, type CoreStrings, type Locale } from './i18n/index.js';
import { baseStyles } from './theme.js';

ensureContextRoot();

const VERSION = '0.1.0';
const warnedTags = new Set<string>();

/**
 * Registers a custom element unless the tag is taken. Two copies of the library on one page
 * (two script tags, or a bundle plus the CDN file) must not throw; the first definition wins
 * and a second, different version is reported once.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, ctor);
    return;
  }
  const existingVersion = (existing as unknown as { version?: string }).version;
  const incomingVersion = (ctor as unknown as { version?: string }).version;
  if (existing !== ctor && existingVersion !== incomingVersion && !warnedTags.has(tag)) {
    warnedTags.add(tag);
    console.warn(
      `inno-widgets ${incomingVersion ?? VERSION}: <${tag}> is already defined by version ${existingVersion ?? 'unknown'}; keeping that one.`,
    );
  }
}

/** `lang` of the nearest ancestor that has one, across shadow roots. */
function inheritedLang(node: Element): string | null {
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element && current.hasAttribute('lang')) return current.getAttribute('lang');
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return null;
}

/** True when an `<inno-provider>` (upgraded or not) encloses the node, across shadow roots. */
function insideProvider(node: Element): boolean {
  let current: Node | null = node.parentNode;
  while (current) {
    if (current instanceof Element && current.localName === 'inno-provider') return true;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return false;
}

const hintedOrigins = new Set<string>();

/**
 * True for a request to another origin that got no answer while the browser is online: most
 * often an API server that does not allow this page's origin (the browser reports a refused
 * CORS request exactly like a dropped connection). Tells the page's developer once per origin.
 */
function crossOriginUnreachable(error: ApiError): boolean {
  if (!error.url || (typeof navigator !== 'undefined' && navigator.onLine === false)) return false;
  let api: string;
  try {
    api = new URL(error.url, location.href).origin;
  } catch {
    return false;
  }
  if (api === location.origin) return false;
  if (!hintedOrigins.has(api)) {
    hintedOrigins.add(api);
    console.warn(
      `inno-widgets: no answer from ${api}. If the server is up, it must allow this page's origin, ${location.origin} ` +
        '(on the reference server: INNO_ALLOWED_ORIGINS).',
    );
  }
  return true;
}

/**
 * Whether the page is dark where `host` sits. A widget follows the page, not the device: it
 * turns dark only where the page offers dark, through the `color-scheme` it inherits (or the
 * page's `<meta name="color-scheme">`): `dark` alone, or `light dark` with a visitor who
 * prefers dark. A light-only page (most city sites) keeps light widgets for every visitor.
 */
function pageIsDark(host: Element): boolean {
  const root = host.getRootNode();
  const parent = host.parentElement ?? (root instanceof ShadowRoot ? root.host : document.documentElement);
  let scheme = getComputedStyle(parent).colorScheme;
  if (!scheme || scheme === 'normal') scheme = document.querySelector('meta[name="color-scheme"]')?.getAttribute('content') ?? '';
  if (!/\bdark\b/.test(scheme)) return false;
  return !/\blight\b/.test(scheme) || matchMedia('(prefers-color-scheme: dark)').matches;
}

function followPageScheme(element: InnoElement): void {
  element.toggleAttribute('data-inno-dark-page', pageIsDark(element));
}

// One watcher for the page: a site that switches <html lang>, its colour scheme (an attribute
// or class on <html> or <body>), or a visitor who switches the device's, updates the widgets.
const pageListeners = new Set<InnoElement>();
let pageObserver: MutationObserver | undefined;
function watchPage(element: InnoElement): void {
  pageListeners.add(element);
  followPageScheme(element);
  if (pageObserver || typeof MutationObserver === 'undefined') return;
  const rescheme = (): void => pageListeners.forEach(followPageScheme);
  pageObserver = new MutationObserver((records) => {
    rescheme();
    // Only a new language needs a render; a new scheme is a host attribute that styles follow.
    if (records.some((r) => r.attributeName === 'lang')) pageListeners.forEach((el) => el.requestUpdate());
  });
  pageObserver.observe(document.documentElement, { attributes: true });
  if (document.body) pageObserver.observe(document.body, { attributes: true });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', rescheme);
}

/**
 * The base of every widget: API base and language resolution, the provider's context,
 * the theme, the configuration error, and the shared error state.
 *
 * @cssprop [--inno-font-family=system-ui] - Font of all text.
 * @cssprop [--inno-font-size=1rem] - Base font size.
 * @cssprop [--inno-radius=0.5rem] - Corner radius of cards, fields and buttons.
 * @cssprop [--inno-space=0.5rem] - Base spacing unit.
 * @cssprop [--inno-focus-ring-width=3px] - Width of the keyboard focus ring.
 * @cssprop --inno-color-bg - Background.
 * @cssprop --inno-color-surface - Background of cards and panels.
 * @cssprop --inno-color-text - Text.
 * @cssprop --inno-color-text-muted - Secondary text (still AA).
 * @cssprop --inno-color-border - Borders of fields and controls (3:1).
 * @cssprop --inno-color-border-subtle - Decorative borders.
 * @cssprop --inno-color-primary - Buttons, links and selection.
 * @cssprop --inno-color-on-primary - Text on the primary colour.
 * @cssprop --inno-color-danger - Errors.
 * @cssprop --inno-color-success - Success.
 * @cssprop --inno-color-warning - Warnings.
 * @cssprop --inno-color-focus - Focus ring.
 * @cssprop --inno-color-helix-government - Government actors.
 * @cssprop --inno-color-helix-academia - Academia.
 * @cssprop --inno-color-helix-business - Business.
 * @cssprop --inno-color-helix-community - Community.
 * @cssprop --inno-color-helix-media - Media.
 * @cssprop --inno-shadow - Shadow of cards and dialogs.
 */
export abstract class InnoElement extends LitElement {
  static version = VERSION;
  static override styles = [baseStyles];

  /** API root, e.g. `https://kota.example.go.id/api/v1`. Wins over the provider's. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** Language: `id` or `en`. Default: the provider's, else the page's `lang`, else `id`. */
  @property() locale?: 'id' | 'en';

  /** What the nearest `<inno-provider>` shares. */
  @consume({ context: innoContext, subscribe: true })
  @state()
  protected inno?: InnoContextValue;

  /** Set when neither an `api-base` nor a provider can ever give this widget a client. */
  @state() protected configMissing = false;

  #reportedConfig = false;

  override connectedCallback(): void {
    super.connectedCallback();
    watchPage(this);
    // The provider answers synchronously when it is already upgraded; otherwise it may
    // still come (ContextRoot replays the request), as long as one encloses us.
    queueMicrotask(() => this.#checkConfig());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    pageListeners.delete(this);
  }

  /** The resolved language. */
  get resolvedLocale(): Locale {
    return (
      toLocale(this.locale) ??
      this.inno?.locale ??
      toLocale(inheritedLang(this)) ??
      toLocale(typeof document !== 'undefined' ? document.documentElement.lang : undefined) ??
      'id'
    );
  }

  /** The client for this widget: its own `api-base` wins over the provider's. */
  get client(): ApiClient | undefined {
    const own = this.apiBase?.trim();
    if (own) return clientFor(own);
    return this.inno?.client;
  }

  /** Shared strings in the resolved language. */
  protected get coreStrings(): CoreStrings {
    return coreStrings[this.resolvedLocale];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('inno' as keyof InnoElement) || changed.has('apiBase')) {
      const theme = this.inno?.theme;
      if (theme) this.setAttribute('data-inno-theme', theme);
      else if (changed.has('inno' as keyof InnoElement)) this.removeAttribute('data-inno-theme');
      if (this.client) this.configMissing = false;
      else if (this.isConnected) queueMicrotask(() => this.#checkConfig());
    }
  }

  #checkConfig(): void {
    if (!this.isConnected || this.client) return;
    const provider = this.inno !== undefined || insideProvider(this);
    // An enclosing provider that has not upgraded yet will still answer.
    const pending = provider && this.inno === undefined;
    if (pending) return;
    this.configMissing = true;
    if (!this.#reportedConfig) {
      this.#reportedConfig = true;
      console.error(`inno-widgets: <${this.localName}> has no API base. ${coreStrings.en.configMissingApiBase(this.localName)}`);
    }
  }

  /** The in-place message for a widget with no API base. */
  protected renderConfigError(): TemplateResult {
    const t = this.coreStrings;
    return html`<div class="state" part="config-error" role="alert">
      <h2>${t.configTitle}</h2>
      <p>${t.configMissingApiBase(this.localName)}</p>
    </div>`;
  }

  /** A message for an error, in the widget's language. */
  protected describeError(error: unknown): string {
    const t = this.coreStrings;
    if (!(error instanceof ApiError)) return t.errorInvalid;
    switch (error.kind) {
      case 'network':
        return crossOriginUnreachable(error) ? t.errorNetworkCrossOrigin : t.errorNetwork;
      case 'timeout':
        return t.errorTimeout;
      case 'invalid-response':
        return t.errorInvalid;
      case 'aborted':
        return '';
      case 'http':
        if (error.status === 404) return t.errorNotFound;
        if (error.status === 429) return t.errorRateLimited(error.retryAfter);
        if (error.status > 501 && error.status < 505) return t.errorBusy(error.status);
        return t.errorServer(error.status);
    }
  }

  /**
   * The shared error state with a retry button (nothing for an abort). The button goes with
   * the error when it is pressed: `focus` names what takes the focus then (a heading with
   * tabindex -1, a field), so that it stays in the widget instead of falling to the page.
   */
  protected renderError(error: unknown, retry: () => void, focus?: string): TemplateResult | typeof nothing {
    if (isAbort(error)) return nothing;
    const t = this.coreStrings;
    return html`<div class="state" part="error" role="alert">
      <h2>${t.errorTitle}</h2>
      <p>${this.describeError(error)}</p>
      <button
        class="button"
        type="button"
        @click=${() => {
          retry();
          if (focus) this.renderRoot.querySelector<HTMLElement>(focus)?.focus();
        }}
      >
        ${t.retry}
      </button>
    </div>`;
  }
}
