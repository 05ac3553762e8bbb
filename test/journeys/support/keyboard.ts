/**
 * Keyboard-only helpers for the journeys: every key goes through the browser's real input
 * pipeline (`sendKeys`, which the test runner sends over the DevTools protocol), never
 * `.click()` or `.focus()` on a control.
 */
import { waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

/** The focused element, looking through open shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Which widget (its host's tag) holds the focus, if any. */
export function focusedWidget(): string | undefined {
  const host = document.activeElement;
  return host?.shadowRoot ? host.localName : undefined;
}

export function describeElement(el: Element | null): string {
  if (!el) return 'nothing';
  const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
  return `<${el.localName}${el.id ? ` id=${el.id}` : ''}${el.getAttribute('part') ? ` part=${el.getAttribute('part')}` : ''}> "${text}"`;
}

export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

/** Shift+Tab, as a held Shift around a Tab (sendKeys takes no key combinations in `press`). */
export async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  try {
    await sendKeys({ press: 'Tab' });
  } finally {
    await sendKeys({ up: 'Shift' });
  }
}

export async function typeText(text: string): Promise<void> {
  await sendKeys({ type: text });
}

/**
 * The keyboard at the top of a freshly loaded page: nothing focused (a test page is
 * reused, so whatever the previous test focused lets go first).
 */
export function startAtTopOfPage(): void {
  (document.activeElement as HTMLElement | null)?.blur?.();
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches, and returns it. Fails,
 * naming where focus went, if it takes more than `max` presses: the control is then not
 * reachable by keyboard in a reasonable number of steps.
 */
export async function tabTo(
  matches: (el: Element) => boolean,
  what: string,
  { max = 40, backwards = false }: { max?: number; backwards?: boolean } = {},
): Promise<HTMLElement> {
  const path: string[] = [];
  for (let i = 0; i < max; i++) {
    if (backwards) await shiftTab();
    else await press('Tab');
    const active = deepActive();
    if (active && matches(active)) return active as HTMLElement;
    path.push(describeElement(active));
  }
  throw new Error(`${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'} never reached ${what}; focus went: ${path.join(' → ')}`);
}

/** Waits until the focused element matches. */
export async function focusLandsOn(matches: (el: Element) => boolean, what: string, timeout = 5000): Promise<HTMLElement> {
  await waitUntil(() => {
    const active = deepActive();
    return active !== null && matches(active);
  }, `focus never landed on ${what} (it is on ${describeElement(deepActive())})`, { timeout });
  return deepActive() as HTMLElement;
}
