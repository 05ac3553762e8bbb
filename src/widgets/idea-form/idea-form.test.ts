/**
 * <inno-idea-form>: fields, validation, draft, attachments, program, similar innovations,
 * honeypot and the tracking-code check, in Chromium against the reference API (/api/v1) and
 * the form's own fault fixture (test/support/fixtures/idea-form.ts).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../core/provider/index.js';
import type { InnoIdeaForm } from './idea-form.element.js';
import {
  $, $$, clearDrafts, agree, attach, fill, ideaForm, makeFile, nonce, sectorsLoaded, storedWithTitle, submit, succeeded, type, validIdea,
} from '../../../test/support/idea-form.js';

afterEach(clearDrafts);

describe('<inno-idea-form> fields', () => {
  it('labels every field, loads sectors in the chosen language and preselects the sector attribute', async () => {
    const el = await ideaForm({ locale: 'en', sector: 'health' });
    for (const key of ['title', 'problem', 'solution', 'benefit', 'sector', 'location', 'name', 'email', 'phone', 'organization', 'consent']) {
      const control = $(el, `#f-${key}`);
      expect(control, key).to.exist;
      expect($(el, `label[for=f-${key}]`)?.textContent?.trim(), `label of ${key}`).to.not.be.empty;
    }
    // The file picker: a group named by its legend, and a control named like its visible button.
    expect($(el, '#f-attachments')!.closest('fieldset')!.querySelector('legend')!.textContent).to.contain('Attachments');
    expect($(el, '#f-attachments')!.getAttribute('aria-label')).to.equal('Add files');
    expect($(el, '.file-pick .button')!.textContent).to.equal('Add files');
    expect($$(el, '[name=helix]')).to.have.length(5);
    expect($(el, '#f-helix')!.closest('fieldset')!.querySelector('legend')!.textContent).to.contain('I am');
    const select = $<HTMLSelectElement>(el, '#f-sector')!;
    expect(Array.from(select.options).map((o) => o.textContent)).to.include('Health');
    expect(select.value).to.equal('health');
    expect($(el, '#f-title')!.getAttribute('aria-describedby')).to.equal('title-hint');
    expect($(el, 'label[for=f-benefit]')!.textContent).to.contain('optional');
    await expect(el).to.be.accessible();
  });

  it('is accessible in the dark theme, with errors showing', async () => {
    const provider = await fixture<HTMLElement>(html`<inno-provider api-base="/api/v1" theme="dark" locale="en">
      <inno-idea-form draft-key=${nonce()}></inno-idea-form>
    </inno-provider>`);
    const el = provider.querySelector('inno-idea-form')!;
    await sectorsLoaded(el);
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    await type(el, 'title', 'Short');
    await submit(el);
    await expect(el).to.be.accessible();
  });

  it('speaks Indonesian by default', async () => {
    const el = await ideaForm();
    expect($(el, 'h2')!.textContent).to.equal('Usulkan inovasi');
    expect($(el, 'button[type=submit]')!.textContent.trim()).to.equal('Kirim ide');
  });

  it('checks a field when it is left, and clears the error as soon as it is fixed', async () => {
    const el = await ideaForm({ locale: 'en' });
    await type(el, 'title', 'Short');
    const title = $(el, '#f-title')!;
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(title.getAttribute('aria-describedby')).to.contain('title-error');
    expect($(el, '#title-error')!.textContent).to.equal('Write at least 8 characters (now 5).');
    await type(el, 'title', 'Long enough now', false);
    expect(title.getAttribute('aria-invalid')).to.equal('false');
    expect($(el, '#title-error')).to.equal(null);
    await type(el, 'email', 'siti@');
    expect($(el, '#email-error')!.textContent).to.contain('email address');
    await type(el, 'phone', '12ab');
    expect($(el, '#phone-error')!.textContent).to.contain('phone number');
    // Leaving an empty field says nothing yet: only a submit asks for required fields.
    await type(el, 'name', '');
    expect($(el, '#name-error')).to.equal(null);
  });

  it('does no rendering work for a keystroke that changes nothing visible', async () => {
    const el = await ideaForm({ locale: 'en' });
    const keystroke = (key: string, value: string) => {
      const control = $<HTMLInputElement>(el, `#f-${key}`)!;
      control.value = value;
      control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      return el.isUpdatePending;
    };
    expect(keystroke('problem', 'Jalan berlubang di depan sekolah')).to.equal(false);
    expect(keystroke('title', 'x'.repeat(50))).to.equal(false);
    expect(keystroke('title', 'x'.repeat(97)), 'the counter appears').to.equal(true);
    await el.updateComplete;
    expect($(el, '#title-count')).to.exist;
  });

  it('shows a counter as a field nears its limit, counting user-perceived characters', async () => {
    const el = await ideaForm({ locale: 'en' });
    await type(el, 'title', 'a'.repeat(50), false);
    expect($(el, '#title-count')).to.equal(null);
    await type(el, 'title', '👍🏽'.repeat(100), false);
    expect($(el, '#title-count')!.textContent.trim()).to.equal('100 of 120 characters');
    expect($(el, '#f-title')!.getAttribute('aria-describedby')).to.equal('title-hint title-count');
    await type(el, 'title', 'é'.repeat(121));
    expect($(el, '#title-count')!.classList.contains('over')).to.equal(true);
    expect($(el, '#title-error')!.textContent).to.contain('at most 120');
  });

  it('on submit, marks every invalid field, and the summary takes focus and links to the fields', async () => {
    const el = await ideaForm({ locale: 'en' });
    await type(el, 'title', 'Short');
    await submit(el);
    const summary = $(el, '#error-summary')!;
    expect(summary).to.exist;
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    const links = $$<HTMLAnchorElement>(el, '#error-summary a');
    const fields = ['title', 'problem', 'solution', 'sector', 'helix', 'name', 'email', 'consent'];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(fields.map((f) => `#f-${f}`));
    expect(summary.textContent).to.contain('8 problems to fix');
    for (const key of ['title', 'problem', 'solution', 'sector', 'name', 'email', 'consent']) {
      expect($(el, `#f-${key}`)!.getAttribute('aria-invalid'), key).to.equal('true');
      expect($(el, `#${key}-error`), key).to.exist;
    }
    expect($(el, '[name=helix]')!.getAttribute('aria-describedby')).to.contain('helix-error');
    await expect(el).to.be.accessible();

    links[4]!.click();
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[name=helix]'));
    links[1]!.click();
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#f-problem'));

    // Fixing fields shrinks the summary.
    await fill(el, validIdea(nonce()));
    expect($(el, '#error-summary')).to.equal(null);
  });

  it('keeps the draft on the device, restores it after a reload with a notice, and starts over', async () => {
    const key = nonce();
    const first = await ideaForm({ draftKey: key, locale: 'en' });
    const idea = validIdea(key);
    await fill(first, { title: idea.title, problem: idea.problem, helix: 'academia' });
    first.remove(); // leaving the page writes what is pending
    const stored = Object.entries(localStorage as Record<string, string>).find(([k]) => k.endsWith(`#${key}`));
    expect(stored, 'draft in localStorage').to.exist;
    expect(stored![0]).to.contain(`${location.origin}/api/v1/`);
    const idempotencyKey = (JSON.parse(stored![1]) as { idempotencyKey: string }).idempotencyKey;
    expect(idempotencyKey).to.match(/^[0-9a-f-]{36}$/);

    const again = await ideaForm({ draftKey: key, locale: 'en' });
    expect($<HTMLInputElement>(again, '#f-title')!.value).to.equal(idea.title);
    expect($<HTMLTextAreaElement>(again, '#f-problem')!.value).to.equal(idea.problem);
    expect($<HTMLInputElement>(again, '[value=academia]')!.checked).to.equal(true);
    expect($<HTMLInputElement>(again, '#f-consent')!.checked).to.equal(true);
    const notice = $(again, '[part=draft-notice]')!;
    expect(notice.textContent).to.contain('We restored your draft.');
    await expect(again).to.be.accessible();
    // The key survives the reload with the draft.
    await type(again, 'location', 'Sukamaju');
    again.remove();
    const reloaded = JSON.parse(localStorage.getItem(stored![0])!) as { idempotencyKey: string };
    expect(reloaded.idempotencyKey).to.equal(idempotencyKey);

    const third = await ideaForm({ draftKey: key, locale: 'en' });
    $<HTMLButtonElement>(third, '[part=draft-notice] button')!.click();
    await third.updateComplete;
    expect($<HTMLInputElement>(third, '#f-title')!.value).to.equal('');
    expect($(third, '[part=draft-notice]')).to.equal(null);
    expect(localStorage.getItem(stored![0])).to.equal(null);
    expect(third.shadowRoot!.activeElement).to.equal($(third, '#f-title'));
  });

  it('keeps drafts apart per draft-key and sends nothing while typing but the title search', async () => {
    const requests: string[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => requests.push(e.name)));
    observer.observe({ entryTypes: ['resource'] });
    const el = await ideaForm({ draftKey: 'a' });
    await type(el, 'problem', 'Jalan berlubang di depan sekolah dasar setiap musim hujan.');
    await type(el, 'email', 'budi@example.id');
    await new Promise((r) => setTimeout(r, 600));
    observer.disconnect();
    expect(requests.filter((u) => u.includes('/ideas') || u.includes('/uploads'))).to.deep.equal([]);
    const other = await ideaForm({ draftKey: 'b' });
    expect($<HTMLTextAreaElement>(other, '#f-problem')!.value).to.equal('');
  });
});

describe('<inno-idea-form> attachments', () => {
  it('refuses a wrong type and an oversize file with a message, before any upload', async () => {
    const el = await ideaForm({ locale: 'en' });
    await attach(el, makeFile('notes.txt', 'text/plain'), makeFile('huge.png', 'image/png', 5 * 1024 * 1024 + 1));
    const notice = $(el, '#attachments-notice')!;
    expect(notice.textContent).to.contain('“notes.txt” not added: only PNG, JPEG, WebP or PDF');
    expect(notice.textContent).to.contain('“huge.png” not added: larger than 5 MB');
    expect($$(el, '.files li')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('uploads with progress, allows at most three, removes one, and keeps them through a failed check', async () => {
    const el = await ideaForm({ locale: 'en' });
    await attach(el, makeFile('foto.png', 'image/png', 300_000), makeFile('denah.pdf', 'application/pdf'));
    expect($$(el, '.files li')).to.have.length(2);
    expect($(el, '.files progress')!.getAttribute('aria-label')).to.contain('Uploading');
    await waitUntil(() => $$(el, '.files li').every((li) => li.textContent.includes('Uploaded')), 'uploads', { timeout: 8000 });
    await attach(el, makeFile('a.png', 'image/png'), makeFile('b.png', 'image/png'));
    expect($$(el, '.files li')).to.have.length(3);
    expect($(el, '#attachments-notice')!.textContent).to.contain('At most 3 files');
    expect($<HTMLInputElement>(el, '#f-attachments')!.disabled).to.equal(true);
    await waitUntil(() => $$(el, '.files li').every((li) => li.textContent.includes('Uploaded')), 'uploads', { timeout: 8000 });
    const remove = $$<HTMLButtonElement>(el, '.files button').find((b) => b.textContent.includes('Remove a.png'))!;
    remove.click();
    await el.updateComplete;
    expect($$(el, '.files li')).to.have.length(2);

    // Another field fails: the attachments stay.
    const idea = validIdea(nonce());
    await fill(el, { ...idea, email: 'not-an-email' });
    await submit(el);
    expect($(el, '#error-summary')).to.exist;
    expect($$(el, '.files li').map((li) => li.querySelector('.file-name')!.textContent)).to.have.length(2);
    await type(el, 'email', idea.email);
    await submit(el);
    await succeeded(el);
    const [stored] = await storedWithTitle(idea.title);
    expect(stored!.attachments).to.have.length(2);
  });

  it('keeps uploaded attachments in the draft across a reload', async () => {
    const key = nonce();
    const el = await ideaForm({ draftKey: key });
    await attach(el, makeFile('foto.png', 'image/png'));
    await waitUntil(() => $(el, '.files li')?.textContent!.includes('Terunggah'), 'upload', { timeout: 8000 });
    el.remove();
    const again = await ideaForm({ draftKey: key });
    expect($(again, '.files li')!.textContent).to.contain('foto.png');
  });
});

describe('<inno-idea-form> program, similar innovations, honeypot, check', () => {
  it('ties the idea to an open program and sends its id', async () => {
    const el = await ideaForm({ locale: 'en', program: 'pr-tantangan-layanan' });
    await waitUntil(() => $(el, '[part~=program]')!.textContent.includes('Tantangan Inovasi Layanan Publik'), 'program');
    expect($(el, '[part~=program]')!.textContent).to.match(/open until \d+ \w+ \d{4}/);
    const idea = validIdea(nonce());
    await fill(el, idea);
    await submit(el);
    await succeeded(el);
    const [stored] = await storedWithTitle(idea.title);
    expect(stored!.programId).to.equal('pr-tantangan-layanan');
  });

  it('says plainly that a closed program is closed, and sends the idea without it', async () => {
    const el = await ideaForm({ program: 'pr-hackathon-data' });
    await waitUntil(() => $(el, '[part~=program]')!.textContent.includes('ditutup pada'), 'program');
    expect($(el, '[part~=program]')!.textContent).to.contain('Anda tetap bisa mengirim ide');
    await expect(el).to.be.accessible();
    const idea = validIdea(nonce());
    await fill(el, idea);
    await submit(el);
    await succeeded(el);
    const [stored] = await storedWithTitle(idea.title);
    expect(stored!.programId).to.equal(undefined);
  });

  it('reads the program from the page URL parameter inno-program', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?inno-program=pr-umkm-naik-kelas`);
    try {
      const el = await ideaForm({ locale: 'en' });
      await waitUntil(() => $(el, '[part~=program]')?.textContent!.includes('opens on'), 'program');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('shows similar innovations while the title is typed, as text, never blocking', async () => {
    const el = await ideaForm({ locale: 'en' });
    await type(el, 'title', 'Antrean', false);
    await waitUntil(() => $$(el, '.similar li').length > 0, 'similar innovations', { timeout: 4000 });
    expect($$(el, '.similar li').length).to.be.at.most(3);
    expect($(el, '.similar [role=status]')!.textContent).to.contain('Similar innovations exist');
    await expect(el).to.be.accessible();
    const summary = $<HTMLElement>(el, '.similar summary')!;
    summary.click();
    expect($<HTMLDetailsElement>(el, '.similar details')!.open).to.equal(true);
  });

  it('renders hostile similar innovations and program titles as text and skips invalid items', async () => {
    const el = await ideaForm({ apiBase: '/fixture-idea-form/hostile/api/v1', program: 'pr-x' });
    await type(el, 'title', 'Antrean', false);
    await waitUntil(() => $$(el, '.similar li').length > 0, 'similar', { timeout: 4000 });
    expect($$(el, '.similar li')).to.have.length(2);
    expect($(el, '.similar')!.textContent).to.contain('<img src=x onerror=');
    await waitUntil(() => $(el, '[part~=program]')!.textContent.includes('<img'), 'program');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __ideaFormPwned?: number }).__ideaFormPwned).to.equal(undefined);
  });

  it('hides the honeypot from people and assistive technology, and a filled one stores nothing', async () => {
    const el = await ideaForm();
    const honeypot = $<HTMLInputElement>(el, '#f-website')!;
    const wrapper = honeypot.closest('.hp') as HTMLElement;
    expect(wrapper.getAttribute('aria-hidden')).to.equal('true');
    expect(wrapper.inert).to.equal(true);
    expect(honeypot.tabIndex).to.equal(-1);
    const box = wrapper.getBoundingClientRect();
    expect(box.right).to.be.below(0);
    honeypot.focus();
    expect(el.shadowRoot!.activeElement).to.not.equal(honeypot);

    const idea = validIdea(nonce());
    await fill(el, idea);
    honeypot.value = 'https://spam.example';
    await submit(el);
    await succeeded(el); // a bot sees the same answer as everyone
    expect(await storedWithTitle(idea.title)).to.have.length(0);
  });

  it('stores HTML-looking text as it was typed and shows it back as text', async () => {
    const el = await ideaForm({ locale: 'en' });
    const markup = '<img src=x onerror="window.__ideaFormPwned=1">';
    const idea = {
      ...validIdea(nonce()),
      problem: `${markup} warga menunggu terlalu lama di loket.`,
      solution: `<script>alert(1)</script> antrean daring untuk semua loket.`,
      benefit: `<b>${markup}</b>`,
      location: '<a href="javascript:alert(1)">Sukamaju</a>',
      name: '<i>Budi</i>',
      organization: `<svg onload=alert(1)>`,
    };
    idea.title = `${markup} ${idea.title}`.slice(0, 120);
    await fill(el, idea);
    await submit(el);
    const code = await succeeded(el);
    const [stored] = await storedWithTitle(idea.title);
    expect(stored).to.exist;
    expect(stored!.problem).to.equal(idea.problem);
    expect(stored!.solution).to.equal(idea.solution);
    expect(stored!.benefit).to.equal(idea.benefit);
    expect(stored!.location).to.equal(idea.location);
    expect(stored!.submitter.name).to.equal(idea.name);
    expect(stored!.submitter.organization).to.equal(idea.organization);

    // Shown back as text by the tracking-code check.
    $<HTMLInputElement>(el, '#f-check')!.value = code.toLowerCase();
    $<HTMLButtonElement>(el, '[part=check] button[type=submit]')!.click();
    await waitUntil(() => $(el, '.check-result dl'), 'status', { timeout: 4000 });
    expect($(el, '.check-result')!.textContent).to.contain(idea.title);
    expect(el.shadowRoot!.querySelector('img, script, svg, b, i')).to.equal(null);
    expect((window as { __ideaFormPwned?: number }).__ideaFormPwned).to.equal(undefined);
  });

  it('checks a tracking code, and says when none matches', async () => {
    const el = await ideaForm({ locale: 'en' });
    const input = $<HTMLInputElement>(el, '#f-check')!;
    const button = $<HTMLButtonElement>(el, '[part=check] button[type=submit]')!;
    button.click(); // empty: nothing is asked, the field takes focus
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(input);
    input.value = 'ZZZZ-ZZZZ-ZZZZ';
    button.click();
    await waitUntil(() => $(el, '.check-result')!.textContent.includes('No idea has this tracking code'), 'not found', { timeout: 4000 });
    await expect(el).to.be.accessible();
  });

  it('links the privacy notice only when it is http(s), in a new tab', async () => {
    const el = await ideaForm({ locale: 'en', privacyUrl: 'https://kota.example.go.id/privasi' });
    const link = $<HTMLAnchorElement>(el, '[part~=field] a[target=_blank]')!;
    expect(link.href).to.equal('https://kota.example.go.id/privasi');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(link.textContent).to.contain('(opens in a new tab)');
    for (const privacyUrl of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', '   ']) {
      const bad = await ideaForm({ privacyUrl });
      expect($(bad, 'a[target=_blank]'), privacyUrl).to.equal(null);
    }
  });

  it("resolves a relative privacy-url against the page, as the README's snippet writes it", async () => {
    const el = await ideaForm({ locale: 'id', privacyUrl: '/privasi' });
    const link = $<HTMLAnchorElement>(el, '[part~=field] a[target=_blank]')!;
    expect(link.href).to.equal(new URL('/privasi', document.baseURI).href);
    expect(link.textContent).to.contain('(terbuka di tab baru)');
  });

  it('shows the configuration message without an API base', async () => {
    const original = console.error;
    console.error = () => undefined;
    try {
      const el = await fixture<InnoIdeaForm>(html`<inno-idea-form></inno-idea-form>`);
      await waitUntil(() => $(el, '[part=config-error]'), 'config error');
    } finally {
      console.error = original;
    }
  });

  it('fits 320 px without horizontal scrolling', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div class="narrow"><inno-idea-form api-base="/api/v1" locale="en" privacy-url="https://kota.example.go.id/privasi"></inno-idea-form></div>`);
    wrapper.style.width = '320px';
    const el = wrapper.querySelector('inno-idea-form')!;
    await agree(el);
    await attach(el, makeFile('a-very-long-file-name-without-any-spaces-at-all-for-testing.png', 'image/png'));
    await submit(el);
    const base = $(el, '[part=base]')!;
    expect(base.scrollWidth).to.be.at.most(320);
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
  });
});

describe('<inno-idea-form> keyboard', () => {
  it('can be filled and sent with the keyboard alone', async () => {
    const el = await ideaForm({ locale: 'en' });
    const idea = validIdea(nonce());
    const events: string[] = [];
    el.addEventListener('inno-idea-submitted', (e) => events.push(e.detail.trackingCode));
    $(el, '#f-title')!.focus();
    const press = (key: string) => sendKeys({ press: key });
    await sendKeys({ type: idea.title });
    await press('Tab');
    await sendKeys({ type: idea.problem });
    await press('Tab');
    await sendKeys({ type: idea.solution });
    await press('Tab'); // benefit
    await press('Tab'); // sector
    expect(el.shadowRoot!.activeElement!.id).to.equal('f-sector');
    await waitUntil(() => $<HTMLSelectElement>(el, '#f-sector')!.options.length > 1);
    await press('ArrowDown');
    await press('Tab'); // location
    await press('Tab'); // attachments
    await press('Tab'); // first helix answer
    expect(el.shadowRoot!.activeElement!.getAttribute('name')).to.equal('helix');
    await press('Space');
    await press('Tab');
    await sendKeys({ type: idea.name });
    await press('Tab');
    await sendKeys({ type: idea.email });
    await press('Tab'); // phone
    await press('Tab'); // organisation
    await press('Tab'); // consent
    expect(el.shadowRoot!.activeElement!.id).to.equal('f-consent');
    await press('Space');
    await press('Tab'); // the honeypot is skipped: next is the send button
    expect(el.shadowRoot!.activeElement!.getAttribute('type')).to.equal('submit');
    await press('Enter');
    await succeeded(el);
    expect(el.shadowRoot!.activeElement!.id).to.equal('success-heading');
    expect(events).to.have.length(1);
    expect(await storedWithTitle(idea.title)).to.have.length(1);
  });
});
