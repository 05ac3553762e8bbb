/**
 * Helpers of the idea form's browser tests: filling fields the way a browser reports typing
 * (input and focusout events from the real controls), and reading what the reference server
 * stored through its admin API.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { AdminIdea } from '../../src/api/admin.js';
import '../../src/widgets/idea-form/index.js';
import type { InnoIdeaForm } from '../../src/widgets/idea-form/idea-form.element.js';

/** The admin token of the test server (server/testing.ts). */
const ADMIN_TOKEN = 'test-admin-token';

/**
 * Removes this form's drafts only: test files run side by side in pages of one origin,
 * which share localStorage, so clearing all of it could break another widget's test.
 */
export function clearDrafts(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('inno-idea-form:')) localStorage.removeItem(key);
}

export const nonce = () => Math.random().toString(36).slice(2, 10);

export interface FormOptions {
  apiBase?: string;
  draftKey?: string;
  locale?: 'id' | 'en';
  sector?: string;
  program?: string;
  privacyUrl?: string;
}

export async function ideaForm(options: FormOptions = {}): Promise<InnoIdeaForm> {
  const el = await fixture<InnoIdeaForm>(html`<inno-idea-form
    api-base=${options.apiBase ?? '/api/v1'}
    draft-key=${options.draftKey ?? nonce()}
    .locale=${options.locale}
    .sector=${options.sector}
    .program=${options.program}
    .privacyUrl=${options.privacyUrl}
  ></inno-idea-form>`);
  await sectorsLoaded(el);
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: InnoIdeaForm, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

export const $$ = <T extends Element = HTMLElement>(el: InnoIdeaForm, selector: string) =>
  Array.from(el.shadowRoot!.querySelectorAll<T>(selector));

/** The list from the server, not only the sector already chosen that shows while it loads. */
export async function sectorsLoaded(el: InnoIdeaForm, timeout = 5000): Promise<void> {
  await waitUntil(() => {
    const select = $<HTMLSelectElement>(el, '#f-sector');
    return select?.getAttribute('aria-busy') === 'false' && !$(el, '#sector-failed') && select.options.length > 1;
  }, 'sectors never loaded', { timeout });
}

/** Types a value into a field as a browser reports it, then leaves the field. */
export async function type(el: InnoIdeaForm, key: string, value: string, leave = true): Promise<void> {
  const control = $<HTMLInputElement>(el, `#f-${key}`)!;
  control.value = value;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  if (leave) control.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function choose(el: InnoIdeaForm, helix: string): Promise<void> {
  $<HTMLInputElement>(el, `[name=helix][value=${helix}]`)!.click();
  await el.updateComplete;
}

export async function agree(el: InnoIdeaForm): Promise<void> {
  const box = $<HTMLInputElement>(el, '#f-consent')!;
  if (!box.checked) box.click();
  await el.updateComplete;
}

export interface IdeaValues {
  title: string;
  problem: string;
  solution: string;
  sector: string;
  helix: string;
  name: string;
  email: string;
  benefit?: string;
  location?: string;
  phone?: string;
  organization?: string;
}

export const validIdea = (id: string): IdeaValues => ({
  title: `Antrean puskesmas dari rumah ${id}`,
  problem: 'Warga menunggu berjam-jam di puskesmas Sukamaju setiap pagi, termasuk lansia dan ibu hamil.',
  solution: 'Nomor antrean dipesan lewat pesan singkat, dan warga diberi tahu saat gilirannya sudah dekat.',
  sector: 'health',
  helix: 'community',
  name: 'Siti Rahmawati',
  email: 'siti@example.id',
});

export async function fill(el: InnoIdeaForm, values: Partial<IdeaValues>, consent = true): Promise<void> {
  for (const [key, value] of Object.entries(values)) {
    if (key === 'helix') await choose(el, value);
    else await type(el, key, value);
  }
  if (consent) await agree(el);
}

export async function submit(el: InnoIdeaForm): Promise<void> {
  $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
  await el.updateComplete;
}

export async function succeeded(el: InnoIdeaForm, timeout = 10_000): Promise<string> {
  await waitUntil(() => $(el, '[part=success]'), 'no success view', { timeout });
  return $(el, '#tracking-code')!.textContent.trim();
}

/** Every idea the server stored (moderation list), newest first. */
export async function storedIdeas(): Promise<AdminIdea[]> {
  const all: AdminIdea[] = [];
  for (let page = 1; ; page++) {
    const response = await fetch(`/api/v1/admin/ideas?pageSize=100&page=${page}`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    if (!response.ok) throw new Error(`admin API answered ${response.status}`);
    const { items } = (await response.json()) as { items: AdminIdea[] };
    all.push(...items);
    if (items.length < 100) return all;
  }
}

export async function storedWithTitle(title: string): Promise<AdminIdea[]> {
  return (await storedIdeas()).filter((idea) => idea.title === title);
}

export interface SeenRequest {
  scenario: string;
  method: string;
  resource: string;
  key: string | undefined;
  dropped: boolean;
}

export async function fixtureSeen(): Promise<SeenRequest[]> {
  return (await (await fetch('/fixture-idea-form/seen')).json()) as SeenRequest[];
}

export async function fixtureReset(): Promise<void> {
  await fetch('/fixture-idea-form/reset');
}

/** While on, ideas reach the server but their answers are lost (scenario `lost`). */
export async function fixtureLose(on: boolean): Promise<void> {
  await fetch(`/fixture-idea-form/lose?set=${on ? 1 : 0}`);
}

export async function fixtureOffline(on: boolean): Promise<void> {
  await fetch(`/fixture-idea-form/offline?set=${on ? 1 : 0}`);
}

/** A file of the given type and size, with real magic bytes (the server checks content). */
export function makeFile(name: string, type: string, size = 2048): File {
  const bytes = new Uint8Array(size);
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const pdf = [0x25, 0x50, 0x44, 0x46, 0x2d];
  (type === 'application/pdf' ? pdf : png).forEach((b, i) => (bytes[i] = b));
  return new File([bytes], name, { type });
}

export async function attach(el: InnoIdeaForm, ...files: File[]): Promise<void> {
  const input = $<HTMLInputElement>(el, '#f-attachments')!;
  const transfer = new DataTransfer();
  files.forEach((f) => transfer.items.add(f));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}
