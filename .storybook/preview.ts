/// <reference types="vite/client" />
import { setCustomElementsManifest, type Decorator, type Preview, type WebComponentsRenderer } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import type { ArgTypesEnhancer } from 'storybook/internal/types';
import { argTypesFromManifest, documentedEvents } from './manifest-arg-types.js';
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

/** The manifest's rows per element, read once: Storybook asks for them for every story. */
const documentedRows = new Map<string, ReturnType<typeof argTypesFromManifest>>();
function documentedArgTypes(tagName: string): ReturnType<typeof argTypesFromManifest> {
  let rows = documentedRows.get(tagName);
  if (!rows) documentedRows.set(tagName, (rows = argTypesFromManifest(manifest, tagName)));
  return rows;
}

/**
 * A story's own argTypes (`pageSize: { control: … }`) replace the row's name with their key;
 * name the row by its attribute (`page-size`) again, as the manifest does.
 */
const attributeNames: ArgTypesEnhancer<WebComponentsRenderer> = ({ argTypes, component }) => {
  if (!manifest || !component) return argTypes;
  const documented = documentedArgTypes(component);
  return Object.fromEntries(
    Object.entries(argTypes).map(([key, argType]) => [key, { ...argType, name: documented[key]?.name ?? argType.name }]),
  );
};

/** Every event an element documents (`@event`), from the manifest: a new one shows without a change here. */
const widgetEvents = documentedEvents(manifest);
const listening = new WeakSet<HTMLElement>();

/**
 * Logs the widgets' events in the Actions panel, each with its `detail`. They bubble and are
 * composed, so they all reach the story's canvas (its root, or its box on a Docs page). The
 * listeners go on before the story first renders, so that what a widget sends as it appears
 * (the calendar's `inno-range-change`) and what a `play` function causes are logged too; once
 * per canvas, since the list is the same for every story.
 */
const logWidgetEvents: Decorator = (story, { canvasElement }) => {
  if (!listening.has(canvasElement)) {
    listening.add(canvasElement);
    for (const name of widgetEvents) {
      const log = action(name);
      canvasElement.addEventListener(name, (event) => {
        log((event as CustomEvent<unknown>).detail);
      });
    }
  }
  return story();
};

const preview: Preview = {
  tags: ['autodocs'],
  argTypesEnhancers: [attributeNames],
  decorators: [...decorators, logWidgetEvents],
  globalTypes,
  initialGlobals: { ...initialGlobals },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Every a11y violation counts as a failure, not a note.
    a11y: { test: 'error' },
    docs: {
      toc: true,
      // Our own reading of the manifest (./manifest-arg-types.ts): one row per attribute, keyed
      // by the arg the stories render, parts and custom properties beside them, no dead controls.
      ...(manifest ? { extractArgTypes: documentedArgTypes } : {}),
    },
  },
};

export default preview;
