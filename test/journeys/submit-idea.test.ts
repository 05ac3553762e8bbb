/**
 * Journey: a citizen submits an idea with the keyboard alone, from the top of the page,
 * and the reference server has it (read back through its admin API).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { AdminIdea } from '../../src/api/admin.js';
import '../../src/index.js';
import { deepActive, focusedWidget, press, startAtTopOfPage, tabTo, typeText } from './support/keyboard.js';

const ADMIN_TOKEN = 'test-admin-token';

async function storedIdea(title: string): Promise<AdminIdea | undefined> {
  const response = await fetch('/api/v1/admin/ideas?pageSize=100', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(response.status).to.equal(200);
  const { items } = (await response.json()) as { items: AdminIdea[] };
  return items.find((idea) => idea.title === title);
}

const inForm = (id: string) => (el: Element) => focusedWidget() === 'inno-idea-form' && el.id === id;

describe('journey: submit an idea by keyboard', () => {
  afterEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('inno-idea-form:journey-')) localStorage.removeItem(key);
  });

  it('fills every required field, agrees, sends, and the server stores the idea', async function () {
    this.timeout(40_000);
    const tag = Math.random().toString(36).slice(2, 8);
    const page = await fixture<HTMLElement>(html`<main>
      <h1>Kota Sukamaju</h1>
      <p><a href="#ide">Kirim ide inovasi</a></p>
      <inno-provider api-base="/api/v1" locale="en">
        <inno-idea-form id="ide" draft-key=${`journey-${tag}`}></inno-idea-form>
      </inno-provider>
    </main>`);
    const form = page.querySelector('inno-idea-form')!;
    await waitUntil(() => (form.shadowRoot?.querySelector<HTMLSelectElement>('#f-sector')?.options.length ?? 0) > 1, 'sectors from the API', {
      timeout: 8000,
    });
    const idea = {
      title: `Antrean puskesmas lewat SMS ${tag}`,
      problem: 'Warga menunggu berjam-jam di puskesmas setiap pagi, termasuk lansia dan ibu hamil.',
      solution: 'Nomor antrean dipesan lewat pesan singkat, dan warga diberi tahu saat gilirannya dekat.',
      name: 'Siti Rahmawati',
      email: `siti.${tag}@example.id`,
    };
    const submitted: { id: string; trackingCode: string }[] = [];
    form.addEventListener('inno-idea-submitted', (e) => submitted.push(e.detail));

    startAtTopOfPage();
    await tabTo(inForm('f-title'), 'the title field');
    await typeText(idea.title);
    await tabTo(inForm('f-problem'), 'the problem field');
    await typeText(idea.problem);
    await tabTo(inForm('f-solution'), 'the solution field');
    await typeText(idea.solution);
    const sector = (await tabTo(inForm('f-sector'), 'the sector list')) as HTMLSelectElement;
    await press('ArrowDown');
    expect(sector.value, 'a sector chosen with an arrow key').to.not.equal('');
    const helix = await tabTo((el) => el.getAttribute('name') === 'helix', 'the "I am" choices');
    await press('Space');
    expect((helix as HTMLInputElement).checked).to.equal(true);
    await tabTo(inForm('f-name'), 'the name field');
    await typeText(idea.name);
    await tabTo(inForm('f-email'), 'the e-mail field');
    await typeText(idea.email);
    const consent = (await tabTo(inForm('f-consent'), 'the consent box')) as HTMLInputElement;
    await press('Space');
    expect(consent.checked).to.equal(true);
    await tabTo((el) => el.getAttribute('type') === 'submit', 'the send button', { max: 3 });
    await press('Enter');

    await waitUntil(() => form.shadowRoot!.querySelector('[part=success]'), 'the success view', { timeout: 10_000 });
    expect(deepActive()!.id, 'focus moves to the confirmation').to.equal('success-heading');
    const code = form.shadowRoot!.querySelector('#tracking-code')!.textContent.trim();
    expect(submitted).to.have.length(1);
    expect(submitted[0]!.trackingCode).to.equal(code);

    const stored = await storedIdea(idea.title);
    expect(stored, 'the admin API lists the idea').to.exist;
    expect(stored!.id).to.equal(submitted[0]!.id);
    expect(stored!.trackingCode).to.equal(code);
    expect(stored!.problem).to.equal(idea.problem);
    expect(stored!.solution).to.equal(idea.solution);
    expect(stored!.sector).to.equal(sector.value);
    expect(stored!.submitter).to.include({ name: idea.name, email: idea.email, helix: (helix as HTMLInputElement).value });
    expect(stored!.consent).to.equal(true);
  });
});
