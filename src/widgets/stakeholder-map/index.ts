import { defineElement } from '../../core/base-element.js';
import { InnoStakeholderMap } from './stakeholder-map.element.js';

export { InnoStakeholderMap, type StakeholderMapView } from './stakeholder-map.element.js';
export type { InnoInnovationSelectEvent, InnoStakeholderSelectEvent } from '../../core/events.js';

defineElement('inno-stakeholder-map', InnoStakeholderMap);

declare global {
  interface HTMLElementTagNameMap {
    'inno-stakeholder-map': InnoStakeholderMap;
  }
}
