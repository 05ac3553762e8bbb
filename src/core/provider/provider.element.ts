import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from '../base-element.js';
import { clientFor, ensureContextRoot, innoContext, type Theme } from '../context.js';
import { toLocale } from '../i18n/index.js';

ensureContextRoot();

/**
 * Shares one API client (request de-duplication and caching), the language and the theme
 * with every inno widget inside it. Put it anywhere around the widgets; it may load before
 * or after them.
 *
 * @summary Configures every inno widget inside it.
 * @slot - The widgets (and any other content).
 * @cssprop --inno-color-primary - Set the `--inno-*` tokens here (or on any ancestor) to theme every widget inside.
 */
export class InnoProvider extends LitElement {
  static version = '0.1.0';
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** API root shared by the widgets inside, e.g. `https://kota.example.go.id/api/v1`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** Language of the widgets inside: `id` or `en`. Default: the page's `lang`, else `id`. */
  @property() locale?: 'id' | 'en';

  /** Force a colour theme. By default the widgets follow the page's `color-scheme` (light where it offers none). */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  readonly #provider = new ContextProvider(this, {
    context: innoContext,
    initialValue: { client: undefined, locale: undefined, theme: undefined },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') || changed.has('locale') || changed.has('theme')) {
      const apiBase = this.apiBase?.trim();
      const theme: Theme | undefined = this.theme === 'light' || this.theme === 'dark' ? this.theme : undefined;
      this.#provider.setValue({
        client: apiBase ? clientFor(apiBase) : undefined,
        locale: toLocale(this.locale),
        theme,
      });
    }
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}

export function defineProvider(): void {
  defineElement('inno-provider', InnoProvider);
}

declare global {
  interface HTMLElementTagNameMap {
    'inno-provider': InnoProvider;
  }
}
