/* global window, customElements */
// Same URLs as the two script tags, so these are the very module instances they loaded.
import * as a from '/a/index.js';
import * as b from '/b/index.js';

const names = {
  'inno-provider': 'InnoProvider',
  'inno-idea-form': 'InnoIdeaForm',
  'inno-gallery': 'InnoGallery',
  'inno-event-calendar': 'InnoEventCalendar',
  'inno-stakeholder-map': 'InnoStakeholderMap',
};
window.__twice = Object.fromEntries(
  Object.entries(names).map(([tag, name]) => {
    const defined = customElements.get(tag);
    return [tag, { distinctCopies: a[name] !== b[name], definedByA: defined === a[name], definedByB: defined === b[name] }];
  }),
);
