/** Path of an installed Chrome or Chromium (CHROME_PATH overrides); throws with install advice when none. */
export function findChrome(): string;
/** Flags for a headless Chromium on a closed network, as root in CI. */
export const CHROME_ARGS: readonly string[];
