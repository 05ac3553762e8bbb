/**
 * <inno-idea-form> through an API outage: what the citizen reads, a send that goes on by itself
 * after a reload, the sector list that comes back without a reload, and a select that shows the
 * sector that will be sent. The outage is the form's HTTP fixture dropping every connection
 * (scenario `offline`, test/support/fixtures/idea-form.ts): to the browser, that is what a
 * stopped server looks like, and it lets the test stop and start the API without stopping the
 * test server. Everything else goes on to the real reference API, which stores the idea.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { InnoIdeaForm } from './idea-form.element.js';
import {
  $, clearDrafts, fill, fixtureLose, fixtureOffline, fixtureReset, fixtureSeen, ideaForm, nonce, type IdeaValues, sectorsLoaded, storedWithTitle, submit, succeeded,
  validIdea,
} from '../../../test/support/idea-form.js';
import { otherOrigin, recordWarnings } from '../../../test/support/other-origin.js';

const DOWN = '/fixture-idea-form/offline/api/v1';

const status = (el: InnoIdeaForm) => $(el, '[part=status]')!.textContent;
const select = (el: InnoIdeaForm) => $<HTMLSelectElement>(el, '#f-sector')!;
const ideaPosts = async () => (await fixtureSeen()).filter((s) => s.method === 'POST' && s.resource === 'ideas');

/** Changes the draft a form keeps on this device under `draftKey`, as time passing would. */
function editDraft<T>(draftKey: string, change: (draft: T) => void): void {
  const storageKey = Object.keys(localStorage).find((k) => k.endsWith(`#${draftKey}`))!;
  const draft = JSON.parse(localStorage.getItem(storageKey)!) as T;
  change(draft);
  localStorage.setItem(storageKey, JSON.stringify(draft));
}

/** The page opened again: a form with the same draft key. */
const reopen = (apiBase: string, draftKey: string) =>
  fixture<InnoIdeaForm>(html`<inno-idea-form api-base=${apiBase} draft-key=${draftKey} locale="en"></inno-idea-form>`);

beforeEach(() => fixtureReset());
afterEach(async () => {
  await fixtureOffline(false);
  clearDrafts();
});

describe('<inno-idea-form> during an outage', () => {
  it('after a reload, shows the send as not done yet and sends by itself, once, when the server is back', async () => {
    const key = nonce();
    const el = await ideaForm({ apiBase: DOWN, draftKey: key, locale: 'en' });
    const idea = validIdea(key);
    await fill(el, idea);
    const sectorName = select(el).selectedOptions[0]!.textContent.trim();
    await fixtureOffline(true);
    await submit(el);
    await waitUntil(async () => (await ideaPosts()).some((p) => p.dropped), 'a refused attempt', { timeout: 5000 });
    // While the client tries again, the citizen reads why, not only a count of attempts.
    await waitUntil(() => status(el).includes('attempt'), 'a retry under way', { timeout: 5000 });
    expect(status(el)).to.match(/could not be reached\..* Still sending \(attempt \d+\)/);
    el.remove(); // the reload

    const again = await reopen(DOWN, key);
    expect($<HTMLInputElement>(again, '#f-title')!.value).to.equal(idea.title);
    await waitUntil(() => $(again, '#sector-failed'), 'the sector list fails while the server is down', { timeout: 8000 });
    // The list is not there, yet the select shows the sector that will be sent, by its name.
    expect(select(again).value).to.equal('health');
    expect(select(again).selectedOptions[0]!.textContent.trim()).to.equal(sectorName);
    await waitUntil(() => status(again).includes('Not sent yet'), 'the resumed send fails', { timeout: 12_000 });
    expect(status(again)).to.contain('Your idea is kept on this device; we will try again.');
    expect(status(again), 'no configuration hint for the citizen').not.to.contain('allow');
    await expect(again).to.be.accessible();

    // The server comes back; nobody presses anything.
    await fixtureOffline(false);
    await succeeded(again, 25_000);
    const posts = await ideaPosts();
    expect(new Set(posts.map((p) => p.key)).size, 'one Idempotency-Key across the reload').to.equal(1);
    const stored = await storedWithTitle(idea.title);
    expect(stored).to.have.length(1);
    expect(stored[0]!.sector).to.equal('health');
  }).timeout(60_000);

  it('after the API has let go of the key (30 days), brings the unanswered send back as a draft instead of storing it again', async () => {
    const LOST = '/fixture-idea-form/lost/api/v1';
    const key = nonce();
    const el = await ideaForm({ apiBase: LOST, draftKey: key, locale: 'en' });
    const idea = validIdea(key);
    await fill(el, idea);
    // The idea reaches the server and is stored; every answer is lost.
    await fixtureLose(true);
    await submit(el);
    await waitUntil(async () => (await storedWithTitle(idea.title)).length === 1, 'the idea stored', { timeout: 8000 });
    el.remove(); // the tab is closed while the form still waits for an answer
    await fixtureLose(false);

    // The citizen comes back 31 days after pressing Send.
    editDraft<{ pending: boolean; sentAt: number }>(key, (draft) => {
      expect(draft.pending, 'left pending').to.equal(true);
      expect(Date.now() - draft.sentAt).to.be.below(60_000);
      draft.sentAt -= 31 * 86_400_000;
    });
    // A retry the closed tab had sent may still be on its way: count once the count holds still.
    let posts = -1;
    await waitUntil(async () => posts === (posts = (await ideaPosts()).length), 'no request of the closed tab left', { interval: 400, timeout: 5000 });

    const again = await reopen(LOST, key);
    await sectorsLoaded(again);
    expect($<HTMLInputElement>(again, '#f-title')!.value).to.equal(idea.title);
    expect($(again, '[part=draft-notice]')!.textContent).to.contain('We restored your draft.');
    // Given time to start a send, it does not: nothing goes out, and the idea is still stored once.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await ideaPosts()).length, 'no send by itself').to.equal(posts);
    expect(status(again)).not.to.contain('Sending');
    expect(await storedWithTitle(idea.title)).to.have.length(1);
    await expect(again).to.be.accessible();
  }).timeout(30_000);

  it('counts those 30 days from the send, not from when the draft was typed', async () => {
    const LOST = '/fixture-idea-form/lost/api/v1';
    const key = nonce();
    const el = await ideaForm({ apiBase: LOST, draftKey: key, locale: 'en' });
    const idea = validIdea(key);
    await fill(el, idea);
    await el.updateComplete;
    el.remove();
    // The draft was typed 31 days ago, and never sent.
    editDraft<{ savedAt: number }>(key, (draft) => (draft.savedAt -= 31 * 86_400_000));

    // Sent today: stored, the answer lost, the tab closed.
    const today = await reopen(LOST, key);
    await sectorsLoaded(today);
    await fixtureLose(true);
    await submit(today);
    await waitUntil(async () => (await storedWithTitle(idea.title)).length === 1, 'the idea stored', { timeout: 8000 });
    today.remove();
    await fixtureLose(false);

    // Back an hour later: the send goes on by itself and gets the first answer, not a second idea.
    const again = await reopen(LOST, key);
    await succeeded(again, 15_000);
    expect(await storedWithTitle(idea.title)).to.have.length(1);
  }).timeout(40_000);

  it('"Start over" during a send that is still trying ends that send: no receipt, and the new text is not sent', async () => {
    const key = nonce();
    const el = await ideaForm({ apiBase: DOWN, draftKey: key, locale: 'en' });
    const idea = validIdea(key);
    await fill(el, idea);
    await fixtureOffline(true);
    await submit(el);
    el.remove();
    const again = await reopen(DOWN, key);
    await waitUntil(() => status(again).includes('attempt') || status(again).includes('Not sent yet'), 'the send resumed and trying', { timeout: 12_000 });
    $<HTMLButtonElement>(again, '[part=draft-notice] button')!.click();
    await again.updateComplete;
    // The server is back while the citizen types a new idea.
    await fixtureOffline(false);
    await fill(again, { title: `Half a new idea ${key}` }, false);
    await new Promise((resolve) => setTimeout(resolve, 6000));
    expect(await storedWithTitle(idea.title), 'the discarded idea').to.have.length(0);
    expect($(again, '[part=success]'), 'no receipt').to.equal(null);
    expect($(again, '#error-summary'), 'the new text was not sent').to.equal(null);
    expect(status(again)).not.to.contain('Sending');
  }).timeout(40_000);

  it('loads the sector list again by itself when the server is back, and at once when the browser is back online', async () => {
    await fixtureOffline(true);
    const el = await fixture<InnoIdeaForm>(html`<inno-idea-form api-base=${DOWN} locale="en"></inno-idea-form>`);
    await waitUntil(() => $(el, '#sector-failed'), 'sectors error', { timeout: 8000 });
    expect($(el, '#sector-failed')!.textContent).to.contain('could not be reached');
    await expect(el).to.be.accessible();
    await fixtureOffline(false);
    await sectorsLoaded(el, 15_000);
    expect(select(el).options.length).to.be.greaterThan(2);

    // Offline and back: the `online` event reloads without waiting for the next back-off.
    await fixtureOffline(true);
    const other = await fixture<InnoIdeaForm>(html`<inno-idea-form api-base=${DOWN} locale="id"></inno-idea-form>`);
    await waitUntil(() => $(other, '#sector-failed'), 'sectors error', { timeout: 8000 });
    // Past the first automatic reload (2 s), so that the next one is 5 s away.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    await fixtureOffline(false);
    const before = Date.now();
    window.dispatchEvent(new Event('online'));
    await sectorsLoaded(other, 8000);
    expect(Date.now() - before).to.be.below(4000);
  }).timeout(40_000);

  it('drops a restored sector that the list no longer has, rather than send it unseen', async () => {
    const key = nonce();
    const el = await ideaForm({ draftKey: key, locale: 'en' });
    await fill(el, { title: `Sektor yang hilang ${key}` }, false);
    el.remove();
    // The stored draft names a sector that is gone from the server's list.
    editDraft<{ values: Record<string, unknown> }>(key, (draft) => (draft.values['sector'] = 'no-such-sector'));
    const again = await ideaForm({ draftKey: key, locale: 'en' });
    expect(select(again).value).to.equal('');
    await submit(again);
    expect($(again, '#sector-error')!.textContent).to.contain('Choose an answer for “Sector”');
  });
});

describe('<inno-idea-form> with an API on another origin that cannot be reached', () => {
  it('tells the citizen in plain words, both languages, and the developer once in the console', async () => {
    // Another origin, not on the API's allowed list: every request fails as a stopped server's would.
    const { apiBase } = otherOrigin();
    const warnings = await recordWarnings(async () => {
      const el = await fixture<InnoIdeaForm>(html`<inno-idea-form api-base=${apiBase} draft-key=${nonce()} sector="health" locale="en"></inno-idea-form>`);
      const idea: Partial<IdeaValues> = validIdea(nonce());
      delete idea.sector; // the page's preset, shown while the list cannot load
      await fill(el, idea);
      await submit(el);
      await waitUntil(() => status(el).includes('Not sent yet'), 'not sent', { timeout: 12_000 });
      expect(status(el)).to.contain('could not be reached');
      expect(status(el)).to.contain('Your idea is kept on this device; we will try again.');
      expect(status(el)).not.to.contain('allow');
      await expect(el).to.be.accessible();

      el.locale = 'id';
      await el.updateComplete;
      expect(status(el)).to.contain('Belum terkirim');
      expect(status(el)).to.contain('tidak dapat dihubungi');
      expect(status(el)).to.contain('Ide Anda tersimpan di perangkat ini; kami akan mencoba lagi.');
      expect(status(el)).not.to.contain('mengizinkan');
    });
    const hints = warnings.filter((w) => w.includes('INNO_ALLOWED_ORIGINS'));
    expect(hints).to.have.length(1);
    expect(hints[0]).to.contain(location.origin);
  }).timeout(30_000);
});
