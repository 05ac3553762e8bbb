/**
 * The public events of the widgets (fixed by the design: bubbling, composed CustomEvents).
 * One class each, so that listeners are typed through the global event map.
 */

abstract class InnoEvent<D> extends CustomEvent<D> {
  constructor(type: string, detail: D) {
    super(type, { detail, bubbles: true, composed: true, cancelable: false });
  }
}

export class InnoIdeaSubmittedEvent extends InnoEvent<{ id: string; trackingCode: string }> {
  static readonly type = 'inno-idea-submitted';
  constructor(detail: { id: string; trackingCode: string }) {
    super(InnoIdeaSubmittedEvent.type, detail);
  }
}

export class InnoInnovationSelectEvent extends InnoEvent<{ id: string }> {
  static readonly type = 'inno-innovation-select';
  constructor(detail: { id: string }) {
    super(InnoInnovationSelectEvent.type, detail);
  }
}

export class InnoProgramSelectEvent extends InnoEvent<{ id: string }> {
  static readonly type = 'inno-program-select';
  constructor(detail: { id: string }) {
    super(InnoProgramSelectEvent.type, detail);
  }
}

export class InnoEventSelectEvent extends InnoEvent<{ id: string }> {
  static readonly type = 'inno-event-select';
  constructor(detail: { id: string }) {
    super(InnoEventSelectEvent.type, detail);
  }
}

/** The calendar's visible range changed (navigation or view switch). */
export class InnoRangeChangeEvent extends InnoEvent<{ from: string; to: string; view: string }> {
  static readonly type = 'inno-range-change';
  constructor(detail: { from: string; to: string; view: string }) {
    super(InnoRangeChangeEvent.type, detail);
  }
}

export class InnoStakeholderSelectEvent extends InnoEvent<{ id: string }> {
  static readonly type = 'inno-stakeholder-select';
  constructor(detail: { id: string }) {
    super(InnoStakeholderSelectEvent.type, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'inno-idea-submitted': InnoIdeaSubmittedEvent;
    'inno-innovation-select': InnoInnovationSelectEvent;
    'inno-program-select': InnoProgramSelectEvent;
    'inno-event-select': InnoEventSelectEvent;
    'inno-range-change': InnoRangeChangeEvent;
    'inno-stakeholder-select': InnoStakeholderSelectEvent;
  }
}
