import type { Helix, InnovationStage } from '../../api/schemas.js';

/** Strings every widget shares. Each widget keeps its own strings beside it. */
export interface CoreStrings {
  loading: string;
  retry: string;
  close: string;
  /** Heading of an error state. */
  errorTitle: string;
  errorNetwork: string;
  /**
   * A request to another origin got no answer while online: an outage, or a server that does
   * not allow this page (CORS); the browser cannot tell which. The reader gets the plain
   * words; the hint for the site's developers goes to the console.
   */
  errorNetworkCrossOrigin: string;
  errorTimeout: string;
  /** 502–504: the server or a gateway in front of it is overloaded or down for a while. */
  errorBusy: (status: number) => string;
  /** Any other error status. */
  errorServer: (status: number) => string;
  errorInvalid: string;
  errorNotFound: string;
  /** Try again after this many seconds. */
  errorRateLimited: (seconds: number | undefined) => string;
  configTitle: string;
  configMissingApiBase: (tag: string) => string;
  /** A few items from the server were unreadable and are not shown. */
  skippedItems: (n: number) => string;
  opensInNewTab: string;
  helix: Record<Helix, string>;
  stage: Record<InnovationStage, string>;
}

export const en: CoreStrings = {
  loading: 'Loading…',
  retry: 'Try again',
  close: 'Close',
  errorTitle: 'Something went wrong',
  errorNetwork: 'The server could not be reached. Check your connection.',
  errorNetworkCrossOrigin: 'The innovation server could not be reached.',
  errorTimeout: 'The server took too long to answer.',
  errorBusy: (status) => `The server is busy or under maintenance (${status}).`,
  errorServer: (status) => `The server answered with an error (${status}).`,
  errorInvalid: 'The server sent data this page cannot read.',
  errorNotFound: 'This item does not exist (any more).',
  errorRateLimited: (seconds) =>
    seconds === undefined ? 'Too many requests. Please wait a moment.' : `Too many requests. Please try again in ${seconds} s.`,
  configTitle: 'This widget is not set up yet',
  configMissingApiBase: (tag) =>
    `Add api-base="https://…/api/v1" to <${tag}>, or wrap it in <inno-provider api-base="…">.`,
  skippedItems: (n) => (n === 1 ? '1 item could not be shown.' : `${n} items could not be shown.`),
  opensInNewTab: '(opens in a new tab)',
  helix: {
    government: 'Government',
    academia: 'Academia',
    business: 'Business',
    community: 'Community',
    media: 'Media',
  },
  stage: { initiative: 'Initiative', trial: 'Trial', implemented: 'Implemented' },
};
