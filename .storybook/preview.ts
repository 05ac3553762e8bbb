/// <reference types="vite/client" />
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { decorators, globalTypes, initialGlobals } from './preview-shared.js';

// custom-elements.json is written by `npm run analyze`, which `npm run storybook` and
// `npm run build-storybook` run first. A glob rather than an import, so that type-checking
// a fresh clone does not need the generated file.
const manifests = import.meta.glob<unknown>('../custom-elements.json', { eager: true, import: 'default' });
const manifest = manifests['../custom-elements.json'];
if (manifest) {
  // Autodocs: attributes, properties, events, slots, CSS parts and custom properties.
  setCustomElementsManifest(manifest);
} else {
  console.warn('custom-elements.json is missing: run `npm run analyze` for the docs tables.');
}

const preview: Preview = {
  tags: ['autodocs'],
  decorators,
  globalTypes,
  initialGlobals: { ...initialGlobals },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Every a11y violation counts as a failure, not a note.
    a11y: { test: 'error' },
    docs: { toc: true },
  },
};

export default preview;
