import { defineElement } from '../../core/base-element.js';
import { InnoGallery } from './gallery.element.js';

export { InnoGallery };
export type { InnoInnovationSelectEvent, InnoProgramSelectEvent } from '../../core/events.js';

defineElement('inno-gallery', InnoGallery);

declare global {
  interface HTMLElementTagNameMap {
    'inno-gallery': InnoGallery;
  }
}
