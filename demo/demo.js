// The demo page's own behaviour: language and theme switches, placeholders while the
// widgets load, and announcements of what the widgets report. No inline script: the page
// is served under `script-src 'self'`.

const TEXT = {
  id: {
    skip: 'Langsung ke konten',
    govBar: 'Situs resmi Pemerintah Kota Cakrawala (kota fiktif untuk demo)',
    languageLabel: 'Bahasa',
    themeLabel: 'Tema',
    themeSystem: 'Ikuti perangkat',
    themeLight: 'Terang',
    themeDark: 'Gelap',
    switchHint: 'Mengubah bahasa halaman dan semua widget.',
    brandTitle: 'Portal Inovasi',
    navLabel: 'Utama',
    navIdea: 'Kirim Ide',
    navGallery: 'Inovasi',
    navCalendar: 'Agenda',
    navMap: 'Jejaring',
    heroEyebrow: 'Ekosistem inovasi pentahelix',
    heroTitle: 'Bersama membangun kota yang lebih baik',
    heroLead: 'Pemerintah, kampus, dunia usaha, komunitas, dan media berkolaborasi di sini. Sampaikan ide Anda, lihat inovasi yang sudah berjalan, dan ikuti kegiatannya.',
    heroCta: 'Kirim ide',
    heroSecondary: 'Lihat inovasi',
    ideaTitle: 'Punya ide untuk kota?',
    ideaLead: 'Ceritakan masalah yang Anda lihat dan usulan solusinya. Setiap ide dibaca oleh tim BRIDA, dan Anda mendapat kode lacak untuk memantau statusnya.',
    ideaPoint1: 'Cukup 5 menit, draf tersimpan otomatis',
    ideaPoint2: 'Data pribadi Anda tidak pernah ditampilkan publik',
    ideaPoint3: 'Bisa melampirkan foto atau PDF',
    galleryTitle: 'Galeri inovasi',
    galleryLead: 'Inovasi layanan publik dari perangkat daerah, kampus, pelaku usaha, dan komunitas, dari inisiatif hingga penerapan.',
    programsTitle: 'Program yang dibuka',
    programsLead: 'Tantangan, inkubasi, pelatihan, dan pendanaan. Pilih program, lalu usulkan ide Anda untuk program itu.',
    calendarTitle: 'Agenda kegiatan',
    calendarLead: 'Lokakarya, pelatihan, hackathon, dan pameran inovasi di kota.',
    calendarFeed: 'Langganan kalender (ICS)',
    mapTitle: 'Jejaring pemangku kepentingan',
    mapLead: 'Siapa bekerja dengan siapa: lembaga pemerintah, kampus, bisnis, komunitas, dan media beserta kolaborasinya.',
    privacy: 'Kebijakan privasi',
    apiDocs: 'Dokumentasi API',
    missing: 'Widget belum tersedia. Jalankan "npm run build", lalu muat ulang halaman.',
    submitted: (code) => `Terima kasih! Ide Anda terkirim dengan kode lacak ${code}.`,
  },
  en: {
    skip: 'Skip to content',
    govBar: 'Official site of the City of Cakrawala (a fictional city for this demo)',
    languageLabel: 'Language',
    themeLabel: 'Theme',
    themeSystem: 'Match device',
    themeLight: 'Light',
    themeDark: 'Dark',
    switchHint: 'Changes the language of the page and of every widget.',
    brandTitle: 'Innovation Portal',
    navLabel: 'Main',
    navIdea: 'Share an idea',
    navGallery: 'Innovations',
    navCalendar: 'Events',
    navMap: 'Network',
    heroEyebrow: 'A penta-helix innovation ecosystem',
    heroTitle: 'Building a better city together',
    heroLead: 'Government, campuses, business, communities and media work together here. Share your idea, see the innovations already running, and join the activities.',
    heroCta: 'Share an idea',
    heroSecondary: 'See innovations',
    ideaTitle: 'Got an idea for the city?',
    ideaLead: 'Describe a problem you see and how it could be solved. The BRIDA team reads every idea, and you get a tracking code to follow its status.',
    ideaPoint1: 'Five minutes is enough; your draft is saved as you type',
    ideaPoint2: 'Your personal data is never shown publicly',
    ideaPoint3: 'Attach photos or a PDF if you like',
    galleryTitle: 'Innovation gallery',
    galleryLead: 'Public-service innovations from city offices, campuses, businesses and communities, from first initiative to full roll-out.',
    programsTitle: 'Open programs',
    programsLead: 'Challenges, incubators, trainings and grants. Pick a program, then propose your idea for it.',
    calendarTitle: 'Events',
    calendarLead: 'Workshops, trainings, hackathons and innovation fairs around the city.',
    calendarFeed: 'Subscribe to the calendar (ICS)',
    mapTitle: 'Stakeholder network',
    mapLead: 'Who works with whom: government offices, campuses, businesses, communities and media, and how they collaborate.',
    privacy: 'Privacy notice',
    apiDocs: 'API documentation',
    missing: 'The widgets are not available yet. Run "npm run build", then reload the page.',
    submitted: (code) => `Thank you! Your idea was received with tracking code ${code}.`,
  },
};

const WIDGETS = ['inno-idea-form', 'inno-gallery', 'inno-event-calendar', 'inno-stakeholder-map'];
const provider = document.querySelector('inno-provider');
const languageSwitch = document.getElementById('language-switch');
const themeSwitch = document.getElementById('theme-switch');
const announcer = document.getElementById('announcer');

function stored(key, allowed, fallback) {
  try {
    const value = localStorage.getItem(key);
    return allowed.includes(value) ? value : fallback;
  } catch {
    return fallback; // storage may be blocked; the switches still work for this visit
  }
}

function remember(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Not remembered across visits, which is fine.
  }
}

let locale = stored('inno-demo-locale', ['id', 'en'], 'id');

function applyLocale(next) {
  locale = next;
  const text = TEXT[locale];
  document.documentElement.lang = locale;
  document.title = locale === 'id' ? 'Portal Inovasi Kota Cakrawala' : 'Cakrawala City Innovation Portal';
  for (const el of document.querySelectorAll('[data-i18n]')) {
    const value = text[el.dataset.i18n];
    if (typeof value === 'string') el.textContent = value;
  }
  for (const el of document.querySelectorAll('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', text[el.dataset.i18nAriaLabel]);
  }
  for (const tag of WIDGETS) {
    const el = document.querySelector(tag);
    if (!el) continue;
    el.dataset.loading = el.dataset[`loading${locale === 'id' ? 'Id' : 'En'}`] ?? '';
    if (el.hasAttribute('data-missing')) el.dataset.missing = text.missing;
  }
  provider?.setAttribute('locale', locale);
  languageSwitch.value = locale;
}

function applyTheme(theme) {
  document.documentElement.dataset.theme = theme;
  // The provider follows the system by default, so "system" means no attribute at all.
  if (theme === 'system') provider?.removeAttribute('theme');
  else provider?.setAttribute('theme', theme);
  themeSwitch.value = theme;
}

languageSwitch.addEventListener('change', () => {
  applyLocale(languageSwitch.value);
  remember('inno-demo-locale', locale);
});

themeSwitch.addEventListener('change', () => {
  applyTheme(themeSwitch.value);
  remember('inno-demo-theme', themeSwitch.value);
});

applyLocale(locale);
applyTheme(stored('inno-demo-theme', ['system', 'light', 'dark'], 'system'));

// If the build is missing, say so in place of the widgets rather than "loading" forever.
for (const tag of WIDGETS) {
  const el = document.querySelector(tag);
  if (!el) continue;
  const timeout = new Promise((resolve) => setTimeout(resolve, 5000, 'timeout'));
  Promise.race([customElements.whenDefined(tag), timeout]).then((outcome) => {
    if (outcome === 'timeout' && !customElements.get(tag)) el.dataset.missing = TEXT[locale].missing;
  });
}

let hideTimer;
/** Shows a message; a tracking code in it stays on one line (its hyphens would break it). */
function announce(message, code = '') {
  const at = code ? message.indexOf(code) : -1;
  if (at < 0) {
    announcer.textContent = message;
  } else {
    const kept = Object.assign(document.createElement('span'), { className: 'nowrap', textContent: code });
    announcer.replaceChildren(message.slice(0, at), kept, message.slice(at + code.length));
  }
  clearTimeout(hideTimer);
  hideTimer = setTimeout(hide, 8000);
  // It may cover what the visitor turns to next (the tracking code's field): it lets clicks
  // through (demo.css) and steps aside at their next click or key.
  document.addEventListener('pointerdown', hide, { once: true, capture: true });
  document.addEventListener('keydown', hide, { once: true, capture: true });
}

function hide() {
  clearTimeout(hideTimer);
  announcer.textContent = '';
  document.removeEventListener('pointerdown', hide, { capture: true });
  document.removeEventListener('keydown', hide, { capture: true });
}

document.addEventListener('inno-idea-submitted', (event) => {
  const code = event.detail?.trackingCode ?? '';
  announce(TEXT[locale].submitted(code), code);
});
