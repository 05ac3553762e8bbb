/**
 * The public events of the widgets (fixed by the design: bubbling, composed CustomEvents).
 * Each has a type here, so that listeners are typed through the global event map, and all
 * are sent by `dispatchInnoEvent`: one function rather than a class per event, which every
 * page would otherwise load for widgets it does not show.
 */

export interface InnoEventDetails {
  'inno-idea-submitted': { id: string; trackingCode: string };
  'inno-innovation-select': { id: string };
  'inno-program-select': { id: string };
  'inno-event-select': { id: string };
  /** The calendar's visible range changed (navigation or view switch). */
  'inno-range-change': { from: string; to: string; view: string };
  'inno-stakeholder-select': { id: string };
}

export type InnoIdeaSubmittedEvent = CustomEvent<InnoEventDetails['inno-idea-submitted']>;
export type InnoInnovationSelectEvent = CustomEvent<InnoEventDetails['inno-innovation-select']>;
export type InnoProgramSelectEvent = CustomEvent<InnoEventDetails['inno-program-select']>;
export type InnoEventSelectEvent = CustomEvent<InnoEventDetails['inno-event-select']>;
export type InnoRangeChangeEvent = CustomEvent<InnoEventDetails['inno-range-change']>;
export type InnoStakeholderSelectEvent = CustomEvent<InnoEventDetails['inno-stakeholder-select']>;

/** Sends one of the public events from `target`: bubbling, composed, not cancelable. */
export function dispatchInnoEvent<K extends keyof InnoEventDetails>(target: EventTarget, type: K, detail: InnoEventDetails[K]): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

/** Each public event by its name, as the DOM's event maps list events. */
export type InnoEventMap = { [K in keyof InnoEventDetails]: CustomEvent<InnoEventDetails[K]> };

declare global {
  interface HTMLElementEventMap extends InnoEventMap {}
  // They bubble out of the shadow roots, composed: pages listen once, on the document or the window.
  interface DocumentEventMap extends InnoEventMap {}
  interface WindowEventMap extends InnoEventMap {}
}
