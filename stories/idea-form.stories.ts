import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/widgets/idea-form/index.js';
import type { InnoIdeaForm } from '../src/widgets/idea-form/index.js';
import { localeControl } from './controls.js';

interface IdeaFormArgs {
  apiBase?: string;
  locale?: 'id' | 'en';
  sector?: string;
  program?: string;
  privacyUrl?: string;
  draftKey?: string;
}

/** Waits for the form inside a story and fills it in, the way a browser reports typing. */
async function fillIn(canvas: HTMLElement): Promise<InnoIdeaForm> {
  const form = canvas.querySelector('inno-idea-form')!;
  await form.updateComplete;
  const root = form.shadowRoot!;
  const until = async (ready: () => boolean) => {
    for (let i = 0; i < 100 && !ready(); i++) await new Promise((r) => setTimeout(r, 50));
  };
  await until(() => (root.querySelector<HTMLSelectElement>('#f-sector')?.options.length ?? 0) > 1);
  const values: Record<string, string> = {
    title: `Antrean puskesmas dari rumah ${Date.now().toString(36)}`,
    problem: 'Warga menunggu berjam-jam di puskesmas Sukamaju setiap pagi, termasuk lansia dan ibu hamil.',
    solution: 'Nomor antrean dipesan lewat pesan singkat, dan warga diberi tahu saat gilirannya sudah dekat.',
    sector: 'health',
    name: 'Siti Rahmawati',
    email: 'siti@example.id',
    phone: '0812 3456 7890',
  };
  for (const [key, value] of Object.entries(values)) {
    const control = root.querySelector<HTMLInputElement>(`#f-${key}`);
    if (!control) continue;
    control.value = value;
    control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  root.querySelector<HTMLInputElement>('[name=helix][value=community]')?.click();
  root.querySelector<HTMLInputElement>('#f-consent')?.click();
  await form.updateComplete;
  return form;
}

async function send(form: InnoIdeaForm): Promise<void> {
  form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await form.updateComplete;
}

/**
 * `<inno-idea-form>` lets residents, students and businesses propose an innovation from any
 * city page. Validation follows the shared API schemas (on leaving a field and on sending,
 * with an error summary that takes focus); the draft, its attachments and its
 * Idempotency-Key stay on the device until the idea is received, so a reload, a lost
 * connection or a retry never loses input and never makes a second idea.
 *
 * Attributes: `sector` preselects a sector; `program` (or the page URL's `inno-program`)
 * ties the idea to a program; `privacy-url` links the privacy notice; `draft-key` names the
 * draft when a page has more than one form.
 */
const meta = {
  title: 'Elements/inno-idea-form',
  component: 'inno-idea-form',
  args: { privacyUrl: 'https://kota.example.go.id/privasi' },
  argTypes: {
    locale: localeControl,
    sector: { control: 'text' },
    program: { control: 'text' },
    privacyUrl: { control: 'text' },
    draftKey: { control: 'text' },
    apiBase: { control: 'text' },
  },
  render: (args) => html`<inno-idea-form
    api-base=${args.apiBase ?? nothing}
    locale=${args.locale ?? nothing}
    sector=${args.sector ?? nothing}
    program=${args.program ?? nothing}
    privacy-url=${args.privacyUrl ?? nothing}
    draft-key=${args.draftKey ?? nothing}
  ></inno-idea-form>`,
} satisfies Meta<IdeaFormArgs>;

export default meta;
type Story = StoryObj<IdeaFormArgs>;

/** An empty form; language and theme follow the toolbar. */
export const Default: Story = { args: { draftKey: 'story-default' } };

/** `sector="health"`: the sector is chosen for the citizen (they can still change it). */
export const PreselectedSector: Story = { args: { sector: 'health', draftKey: 'story-sector' } };

/** `program="pr-tantangan-layanan"`: an open call for ideas, with its closing date. */
export const ForAProgram: Story = { args: { program: 'pr-tantangan-layanan', draftKey: 'story-program' } };

/** A program that has closed: the form says so plainly and sends the idea without it. */
export const ClosedProgram: Story = { args: { program: 'pr-hackathon-data', draftKey: 'story-closed' } };

/**
 * The server refuses fields (422): its errors land on the same fields as the form's own,
 * with the summary focused. Served by the test fixture at `/fixture-idea-form/invalid/…`
 * (in `storybook dev`, where that fixture is not mounted, the send fails with a 404 instead).
 */
export const ServerErrors: Story = {
  args: { apiBase: '/fixture-idea-form/invalid/api/v1', draftKey: 'story-invalid' },
  play: async ({ canvasElement }) => send(await fillIn(canvasElement)),
};

/** The browser went offline while sending: everything is kept, and it is sent when the connection returns. */
export const Offline: Story = {
  args: { draftKey: 'story-offline' },
  play: async ({ canvasElement }) => {
    const form = await fillIn(canvasElement);
    window.dispatchEvent(new Event('offline'));
    await send(form);
  },
};

/**
 * The API server cannot be reached (here: nothing listens at `api-base`, on another origin as a
 * CDN-served page would have it). The citizen reads that the server cannot be reached and the
 * idea is kept on this device; the form tries again by itself, and the sector list reloads by
 * itself, showing the preset sector meanwhile. The hint about allowed origins goes to the console.
 */
export const ServerUnreachable: Story = {
  args: { apiBase: 'http://127.0.0.1:9/api/v1', sector: 'health', draftKey: 'story-unreachable' },
  play: async ({ canvasElement }) => send(await fillIn(canvasElement)),
};

/** The idea was received: tracking code with a copy button, and its status from the server. */
export const Success: Story = {
  args: { draftKey: 'story-success' },
  play: async ({ canvasElement }) => send(await fillIn(canvasElement)),
};

/** In Bahasa Indonesia, whatever the toolbar says (`locale="id"`). */
export const Indonesian: Story = { args: { locale: 'id', draftKey: 'story-id' } };

/** In English, whatever the toolbar says (`locale="en"`). */
export const English: Story = { args: { locale: 'en', draftKey: 'story-en' } };

/** The dark palette (the provider's `theme="dark"`). */
export const Dark: Story = { args: { draftKey: 'story-dark' }, globals: { theme: 'dark' } };

/** 320 px wide, as on a small phone: everything wraps, nothing scrolls sideways. */
export const Narrow: Story = {
  args: { draftKey: 'story-narrow' },
  render: (args) => html`<div style=${styleMap({ width: '320px', overflowX: 'hidden', outline: '1px dashed #767f8f' })}>
    ${meta.render(args)}
  </div>`,
};
