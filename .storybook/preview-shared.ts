/**
 * What every story gets, in Storybook and in the story-render test alike: all elements
 * defined, and a decorator that wraps the story in `<inno-provider>` with the toolbar's
 * theme and language, talking to the reference API at /api/v1.
 */
import type { Decorator, Preview } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '../src/index.js';

export type ThemeGlobal = 'system' | 'light' | 'dark';
export type LocaleGlobal = 'id' | 'en';

export interface InnoGlobals {
  theme: ThemeGlobal;
  locale: LocaleGlobal;
}

export const initialGlobals: InnoGlobals = { theme: 'light', locale: 'id' };

export const globalTypes: NonNullable<Preview['globalTypes']> = {
  theme: {
    description: 'Colour theme of the widgets',
    toolbar: {
      title: 'Theme',
      icon: 'contrast',
      items: [
        { value: 'light', title: 'Light', icon: 'sun' },
        { value: 'dark', title: 'Dark', icon: 'moon' },
        { value: 'system', title: 'Follow the system', icon: 'browser' },
      ],
      dynamicTitle: true,
    },
  },
  locale: {
    description: 'Language of the widgets',
    toolbar: {
      title: 'Language',
      icon: 'globe',
      items: [
        { value: 'id', title: 'Bahasa Indonesia', right: 'id' },
        { value: 'en', title: 'English', right: 'en' },
      ],
      dynamicTitle: true,
    },
  },
};

/** The canvas colour behind the widgets, so that a dark theme is seen as a page would show it. */
const PAGE_BACKGROUND: Record<ThemeGlobal, string> = { light: '#ffffff', dark: '#12161c', system: 'Canvas' };

/** The API every story talks to: the reference server, mounted by .storybook/middleware.js. */
export const API_BASE = '/api/v1';

/**
 * Wraps each story in a provider. A story that sets `parameters.innoProvider: false` renders
 * bare (for example one that shows a widget with its own `api-base`, or the provider itself).
 */
export const withInnoProvider: Decorator = (story, context) => {
  const { theme = initialGlobals.theme, locale = initialGlobals.locale } = context.globals as Partial<InnoGlobals>;
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale;
    // On a Docs page the stories sit in Storybook's own preview boxes, which paint themselves
    // white over the body: paint the box of this story instead, so that a dark widget is seen
    // on a dark page there too. On a story's own canvas the body is the page.
    const page = context.viewMode === 'docs' ? (context.canvasElement.closest<HTMLElement>('.docs-story') ?? context.canvasElement) : document.body;
    page.style.background = PAGE_BACKGROUND[theme];
    // Widgets follow the page's colour scheme; 'system' offers both, as a page with a dark mode does.
    page.style.colorScheme = theme === 'system' ? 'light dark' : theme;
  }
  if (context.parameters['innoProvider'] === false) return story();
  return html`<inno-provider
    api-base=${API_BASE}
    locale=${locale}
    theme=${theme === 'system' ? nothing : theme}
  >${story()}</inno-provider>`;
};

export const decorators: Decorator[] = [withInnoProvider];
