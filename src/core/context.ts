import { ContextRoot, createContext } from '@lit/context';
import { ApiClient } from '../api/client.js';
import type { Locale } from './i18n/locale.js';

/** What `<inno-provider>` shares with every widget inside it. */
export interface InnoContextValue {
  /** The shared client for the provider's `api-base` (absent when it has none). */
  client: ApiClient | undefined;
  /** The provider's language, when it sets one. */
  locale: Locale | undefined;
  /** A forced colour theme; absent means "follow the page's colour scheme". */
  theme: Theme | undefined;
}

export type Theme = 'light' | 'dark';

/**
 * `Symbol.for` so that two copies of the library on one page (two script tags) still
 * find each other's providers.
 */
export const innoContext = createContext<InnoContextValue | undefined>(Symbol.for('inno-widgets.context'));

const ROOT_FLAG = Symbol.for('inno-widgets.context-root');

/**
 * On CMS pages scripts load in any order, so a provider may upgrade after the widgets
 * inside it. A ContextRoot on the document keeps their unanswered requests and replays
 * them when the provider appears. Attached once per page, whichever copy comes first.
 */
export function ensureContextRoot(): void {
  if (typeof document === 'undefined') return;
  const holder = globalThis as unknown as Record<symbol, boolean>;
  if (holder[ROOT_FLAG]) return;
  holder[ROOT_FLAG] = true;
  new ContextRoot().attach(document.documentElement);
}

const clients = new Map<string, ApiClient>();

/**
 * One client per API base on the page, shared by the provider and by widgets that name
 * the same `api-base` themselves, so that their requests are de-duplicated and cached together.
 */
export function clientFor(apiBase: string): ApiClient {
  // Widgets ask on every render: look up first, build a client only for a new base.
  const base = ApiClient.baseUrlOf(apiBase);
  let client = clients.get(base);
  if (!client) {
    client = new ApiClient({ baseUrl: apiBase });
    clients.set(base, client);
  }
  return client;
}
