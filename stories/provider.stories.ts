import { Task } from '@lit/task';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { css, html, nothing } from 'lit';
import { defineElement, InnoElement } from '../src/core/index.js';
import { localeControl, optionalChoice } from './controls.js';

/** Strings of the sample widget below (the real widgets keep theirs in src/core/i18n style tables). */
const strings = {
  id: {
    title: 'Contoh widget',
    language: 'Bahasa',
    theme: 'Tema',
    system: 'mengikuti sistem',
    sectors: 'Sektor dari API',
    loading: 'Memuat…',
  },
  en: {
    title: 'Sample widget',
    language: 'Language',
    theme: 'Theme',
    system: 'follows the system',
    sectors: 'Sectors from the API',
    loading: 'Loading…',
  },
} as const;

/**
 * A minimal widget for these stories: it shows what the nearest provider shares (the
 * language, the theme and the API client) and lists the sectors that the API returns,
 * labelled in the resolved language.
 */
class ProviderSample extends InnoElement {
  static override styles = [
    ...InnoElement.styles,
    css`
      section {
        background: var(--_surface);
        color: var(--_text);
        border: 1px solid var(--_border-subtle);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 2);
      }
      h2 {
        margin: 0 0 var(--_space);
        font-size: 1.125rem;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: calc(var(--_space) / 2) calc(var(--_space) * 2);
        margin: 0 0 var(--_space);
      }
      dt {
        color: var(--_text-muted);
      }
      dd {
        margin: 0;
      }
    `,
  ];

  readonly #taxonomy = new Task(this, {
    task: async ([client], { signal }) => (client ? client.getTaxonomy({ signal }) : undefined),
    args: () => [this.client] as const,
  });

  protected override render() {
    if (this.configMissing) return this.renderConfigError();
    const locale = this.resolvedLocale;
    const t = strings[locale];
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${t.title}</h2>
      <dl>
        <dt>${t.language}</dt>
        <dd>${locale}</dd>
        <dt>${t.theme}</dt>
        <dd>${this.inno?.theme ?? t.system}</dd>
        <dt>API</dt>
        <dd>${this.client?.baseUrl ?? '—'}</dd>
      </dl>
      <h3>${t.sectors}</h3>
      ${this.#taxonomy.render({
        pending: () => html`<p>${t.loading}</p>`,
        complete: (taxonomy) =>
          html`<ul>
            ${(taxonomy?.sectors ?? []).map((sector) => html`<li>${sector.label[locale]}</li>`)}
          </ul>`,
        error: (error) => this.renderError(error, () => void this.#taxonomy.run()),
      })}
    </section>`;
  }
}

defineElement('inno-provider-sample', ProviderSample);

declare global {
  interface HTMLElementTagNameMap {
    'inno-provider-sample': ProviderSample;
  }
}

interface ProviderArgs {
  apiBase: string;
  locale?: 'id' | 'en';
  theme?: 'light' | 'dark';
}

/**
 * `<inno-provider>` shares one API client, the language and the theme with every widget
 * inside it. It renders only its children; the sample widget inside shows what it receives.
 * Without `locale` or `theme` on the provider these stories follow the toolbar.
 */
const meta = {
  title: 'Elements/inno-provider',
  component: 'inno-provider',
  parameters: {
    // These stories place the provider themselves.
    innoProvider: false,
  },
  args: { apiBase: '/api/v1' },
  argTypes: {
    apiBase: { control: 'text', description: 'API root shared by the widgets inside (`api-base`).' },
    locale: localeControl,
    theme: optionalChoice('inline-radio', ['light', 'dark'], 'toolbar'),
  },
  render: (args, { globals }) => {
    const locale = args.locale ?? (globals['locale'] as 'id' | 'en' | undefined);
    const globalTheme = globals['theme'] as string | undefined;
    const theme = args.theme ?? (globalTheme === 'light' || globalTheme === 'dark' ? globalTheme : undefined);
    return html`<inno-provider api-base=${args.apiBase} locale=${locale ?? nothing} theme=${theme ?? nothing}>
      <inno-provider-sample></inno-provider-sample>
    </inno-provider>`;
  },
} satisfies Meta<ProviderArgs>;

export default meta;
type Story = StoryObj<ProviderArgs>;

/** The provider around one widget; language and theme follow the toolbar. */
export const Default: Story = {};

/** `locale="en"`: every widget inside speaks English, whatever the page's `lang`. */
export const English: Story = {
  args: { locale: 'en' },
};

/** `theme="dark"` forces the dark palette on the widgets inside. */
export const Dark: Story = {
  args: { theme: 'dark' },
  globals: { theme: 'dark' },
};

/** A provider inside another: the nearest one wins, so one page can mix languages and themes. */
export const Nested: Story = {
  render: (args) => html`<inno-provider api-base=${args.apiBase} locale="id" theme="light">
    <inno-provider-sample></inno-provider-sample>
    <inno-provider api-base=${args.apiBase} locale="en" theme="dark">
      <inno-provider-sample></inno-provider-sample>
    </inno-provider>
  </inno-provider>`,
};
