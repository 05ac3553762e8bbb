/**
 * <inno-idea-form> sending: exactly once on the reference server (checked through its admin
 * API), server field errors, a dropped connection, offline and back, 429, the sending state
 * and the success view. Faults come from the form's own HTTP fixture
 * (test/support/fixtures/idea-form.ts), which passes everything else on to the real API.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { InnoIdeaForm } from './idea-form.element.js';
import {
  $, $$, clearDrafts, attach, fill, fixtureLose, fixtureOffline, fixtureReset, fixtureSeen, ideaForm, nonce, makeFile, storedWithTitle, submit, succeeded, validIdea,
} from '../../../test/support/idea-form.js';

beforeEach(() => fixtureReset());
afterEach(clearDrafts);

describe('<inno-idea-form> sending', () => {
  it('sends a valid idea once, shows the tracking code and its status, fires the event and clears the draft', async () => {
    const key = nonce();
    const el = await ideaForm({ draftKey: key, locale: 'en' });
    const events: { id: string; trackingCode: string }[] = [];
    el.addEventListener('inno-idea-submitted', (e) => events.push(e.detail));
    const idea = { ...validIdea(key), phone: '0812 3456 7890', organization: 'Karang Taruna RW 05', location: 'Sukamaju' };
    await fill(el, idea);
    await el.updateComplete;
    expect(Object.keys(localStorage).some((k) => k.endsWith(`#${key}`))).to.equal(false); // not yet written (debounced)
    await submit(el);
    const code = await succeeded(el);
    expect(code).to.match(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(events).to.have.length(1);
    expect(events[0]!.trackingCode).to.equal(code);

    const stored = await storedWithTitle(idea.title);
    expect(stored).to.have.length(1);
    expect(stored[0]!.id).to.equal(events[0]!.id);
    expect(stored[0]!.submitter).to.deep.include({ name: idea.name, email: idea.email, helix: 'community', phone: '+6281234567890' });
    expect(stored[0]!.sector).to.equal('health');

    expect(el.shadowRoot!.activeElement).to.equal($(el, '#success-heading'));
    await waitUntil(() => $(el, '[part=success] dd')!.textContent.includes('Received'), 'status from the server', { timeout: 4000 });
    expect(Object.keys(localStorage).some((k) => k.endsWith(`#${key}`))).to.equal(false);
    await expect(el).to.be.accessible();

    // The copy button puts the code on the clipboard (or says it could not).
    $<HTMLButtonElement>(el, '[part=success] button')!.click();
    await waitUntil(() => /Copied|Could not copy/.test($(el, '.code-row [role=status]')!.textContent), 'copy feedback');

    // A new idea starts empty, with a new key.
    $$<HTMLButtonElement>(el, '[part=success] button').at(-1)!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#f-title')!.value).to.equal('');
  });

  it('puts the server 422 field errors on their fields, with the summary focused', async () => {
    const el = await ideaForm({ apiBase: '/fixture-idea-form/invalid/api/v1', locale: 'en' });
    await fill(el, { ...validIdea(nonce()), phone: '0812 3456 7890' });
    await submit(el);
    await waitUntil(() => $(el, '#error-summary'), 'summary', { timeout: 5000 });
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#error-summary'));
    expect($$<HTMLAnchorElement>(el, '#error-summary a').map((a) => a.getAttribute('href'))).to.deep.equal(['#f-title', '#f-email', '#f-phone']);
    expect($(el, '#f-email')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#email-error')!.textContent).to.contain('email address');
    expect($(el, '#phone-error')!.textContent).to.contain('phone number');
    expect($<HTMLInputElement>(el, '#f-email')!.value).to.equal('siti@example.id'); // nothing lost
    await expect(el).to.be.accessible();
  });

  it('retries a dropped connection with the same key and makes one idea', async () => {
    const el = await ideaForm({ apiBase: '/fixture-idea-form/drop/api/v1' });
    const idea = validIdea(nonce());
    await fill(el, idea);
    await submit(el);
    await succeeded(el, 12_000);
    const posts = (await fixtureSeen()).filter((s) => s.method === 'POST' && s.resource === 'ideas');
    expect(posts.length).to.be.at.least(2);
    expect(posts.filter((p) => p.dropped).length).to.be.at.least(1);
    expect(new Set(posts.map((p) => p.key)).size).to.equal(1);
    expect(await storedWithTitle(idea.title)).to.have.length(1);
  });

  it('gets the first receipt back when the answer was lost after the idea was stored, even after an edit', async () => {
    const el = await ideaForm({ apiBase: '/fixture-idea-form/lost/api/v1', locale: 'en' });
    const idea = validIdea(nonce());
    await fill(el, idea);
    await fixtureLose(true);
    await submit(el);
    await waitUntil(async () => (await fixtureSeen()).some((s) => s.method === 'POST' && s.dropped), 'a lost answer', { timeout: 5000 });
    await waitUntil(async () => (await storedWithTitle(idea.title)).length === 1, 'stored', { timeout: 5000 });
    window.dispatchEvent(new Event('offline'));
    await el.updateComplete;
    expect($(el, '[part=status]')!.textContent).to.contain('You are offline');
    // The citizen edits while waiting; the server already holds the first version under this key.
    await fill(el, { location: 'Kelurahan Sukamaju' }, false);
    await fixtureLose(false);
    window.dispatchEvent(new Event('online'));
    const code = await succeeded(el);
    const stored = await storedWithTitle(idea.title);
    expect(stored).to.have.length(1);
    expect(stored[0]!.trackingCode).to.equal(code);
    expect(stored[0]!.location, 'the version the server stored first').to.equal(undefined);
    const posts = (await fixtureSeen()).filter((s) => s.method === 'POST' && s.resource === 'ideas');
    expect(new Set(posts.map((p) => p.key)).size).to.equal(1);
  });

  it('waits while offline, keeps everything, and sends once when the connection returns', async () => {
    // The browser cannot really be taken offline from a test: the fixture drops every
    // connection while "offline", and the widget hears the window's offline/online events.
    const el = await ideaForm({ apiBase: '/fixture-idea-form/offline/api/v1', locale: 'en' });
    const idea = validIdea(nonce());
    await fill(el, idea);
    await fixtureOffline(true);
    await submit(el);
    await waitUntil(async () => (await fixtureSeen()).some((s) => s.method === 'POST' && s.dropped), 'a refused attempt', { timeout: 5000 });
    window.dispatchEvent(new Event('offline'));
    await el.updateComplete;
    expect($(el, '[part=status]')!.textContent).to.contain('You are offline');
    expect($<HTMLInputElement>(el, '#f-title')!.value).to.equal(idea.title);
    expect($(el, '[part=submit]')!.textContent).to.contain('Try again now');
    expect($$(el, '.actions button'), 'one button: sending now is the only choice').to.have.length(1);
    await expect(el).to.be.accessible();

    await fixtureOffline(false);
    window.dispatchEvent(new Event('online'));
    await succeeded(el);
    const posts = (await fixtureSeen()).filter((s) => s.method === 'POST' && s.resource === 'ideas');
    expect(new Set(posts.map((p) => p.key)).size).to.equal(1);
    expect(await storedWithTitle(idea.title)).to.have.length(1);
  });

  it('does not try to send while the browser says it is offline, and sends once it is back', async () => {
    const el = await ideaForm({ apiBase: '/fixture-idea-form/offline/api/v1', locale: 'en' });
    const idea = validIdea(nonce());
    await fill(el, idea);
    window.dispatchEvent(new Event('offline'));
    await submit(el);
    expect($(el, '[part=status]')!.textContent).to.contain('You are offline');
    expect((await fixtureSeen()).filter((s) => s.method === 'POST')).to.have.length(0);
    window.dispatchEvent(new Event('online'));
    await succeeded(el);
    expect(await storedWithTitle(idea.title)).to.have.length(1);
  });

  it('after a failed send, keeps the key across a reload and sends by itself: never a second idea', async () => {
    const key = nonce();
    const el = await ideaForm({ apiBase: '/fixture-idea-form/offline/api/v1', draftKey: key });
    const idea = validIdea(key);
    await fill(el, idea);
    await fixtureOffline(true);
    await submit(el);
    await waitUntil(async () => (await fixtureSeen()).some((s) => s.method === 'POST' && s.dropped), 'a refused attempt', { timeout: 5000 });
    el.remove();
    await fixtureOffline(false);
    const again = await fixture<InnoIdeaForm>(
      html`<inno-idea-form api-base="/fixture-idea-form/offline/api/v1" draft-key=${key}></inno-idea-form>`,
    );
    expect($<HTMLInputElement>(again, '#f-title')!.value).to.equal(idea.title);
    // The send pressed before the reload was never answered: it goes on without a second press.
    await succeeded(again);
    const keys = new Set((await fixtureSeen()).filter((s) => s.method === 'POST').map((s) => s.key));
    expect(keys.size).to.equal(1);
    expect(await storedWithTitle(idea.title)).to.have.length(1);
  });

  it('says it has not been sent when the retries run out, and sends once from the retry button', async () => {
    const el = await ideaForm({ apiBase: '/fixture-idea-form/offline/api/v1', locale: 'en' });
    const idea = validIdea(nonce());
    await fill(el, idea);
    await fixtureOffline(true);
    await submit(el);
    // The client retries by itself first (same key), announcing each attempt.
    await waitUntil(() => $(el, '[part=status]')!.textContent.includes('Still sending'), 'retry announced', { timeout: 5000 });
    await waitUntil(() => $(el, '[part=status]')!.textContent.includes('Not sent yet'), 'given up', { timeout: 12_000 });
    expect($(el, '[part=status]')!.textContent).to.contain('we will try again');
    expect($<HTMLTextAreaElement>(el, '#f-problem')!.value).to.equal(idea.problem);
    await fixtureOffline(false);
    expect($(el, '[part=submit]')!.textContent).to.contain('Try again now');
    $<HTMLButtonElement>(el, '[part=submit]')!.click();
    await succeeded(el);
    const posts = (await fixtureSeen()).filter((s) => s.method === 'POST' && s.resource === 'ideas');
    expect(posts.length).to.be.at.least(3);
    expect(new Set(posts.map((p) => p.key)).size).to.equal(1);
    expect(await storedWithTitle(idea.title)).to.have.length(1);
  }).timeout(25_000);

  it('shows a failed upload with retry and remove, and will not send until it is settled', async () => {
    const el = await ideaForm({ apiBase: '/fixture-idea-form/offline/api/v1', locale: 'en' });
    await fill(el, validIdea(nonce()));
    await fixtureOffline(true);
    await attach(el, makeFile('foto.png', 'image/png'));
    await waitUntil(() => $(el, '.files .error'), 'upload error', { timeout: 8000 });
    expect($(el, '.files .error')!.textContent).to.contain('could not be reached');
    await submit(el);
    expect($(el, '#attachments-error')!.textContent).to.contain('remove the ones that failed');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#error-summary'));
    await expect(el).to.be.accessible();
    await fixtureOffline(false);
    $$<HTMLButtonElement>(el, '.files button').find((b) => b.textContent.includes('Upload foto.png again'))!.click();
    await waitUntil(() => $(el, '.files li')!.textContent.includes('Uploaded'), 'uploaded', { timeout: 8000 });
    expect($(el, '#attachments-error')).to.equal(null);
  });

  it('says when to try again after a 429', async () => {
    const el = await ideaForm({ apiBase: '/fixture-idea-form/limited/api/v1', locale: 'en' });
    await fill(el, validIdea(nonce()));
    await submit(el);
    await waitUntil(() => $(el, '[part=status]')!.textContent.includes('try again in 120 s'), 'rate-limit message', { timeout: 5000 });
    expect($(el, '[part=status]')!.textContent).to.contain('Not sent yet');
    expect($(el, '[part=submit]')!.textContent).to.contain('Try again now');
  });

  it('announces the sending state, ignores a second press, and is accessible meanwhile', async () => {
    const el = await ideaForm({ apiBase: '/fixture-idea-form/hang/api/v1', locale: 'en' });
    await fill(el, validIdea(nonce()));
    await submit(el);
    const button = $(el, 'button[type=submit]')!;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.textContent.trim()).to.equal('Sending your idea…');
    const status = $(el, '[part=status]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent).to.contain('Sending your idea');
    await submit(el);
    await new Promise((r) => setTimeout(r, 200));
    const posts = (await fixtureSeen()).filter((s) => s.method === 'POST');
    expect(posts).to.have.length(1);
    await expect(el).to.be.accessible();
    el.remove(); // abandons the hanging request
  });

  it('shows the sectors error state with a retry when the server is down', async () => {
    const el = await fixture<InnoIdeaForm>(html`<inno-idea-form api-base="/fixture-idea-form/down/api/v1" locale="en"></inno-idea-form>`);
    await waitUntil(() => $(el, '#sector-failed'), 'sectors error', { timeout: 8000 });
    expect($(el, '#sector-failed')!.textContent).to.contain('(503)');
    expect($(el, '#f-sector')!.getAttribute('aria-describedby')).to.contain('sector-failed');
    const retry = $$<HTMLButtonElement>(el, '[part~=field] button').find((b) => b.textContent.includes('Try again'));
    expect(retry).to.exist;
    await expect(el).to.be.accessible();
    retry!.click();
    await el.updateComplete;
    expect($<HTMLSelectElement>(el, '#f-sector')!.getAttribute('aria-busy')).to.equal('true');
  });
});
