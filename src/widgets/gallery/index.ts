import { defineElement } from '../../core/base-element.js';
import { InnoGallery } from './gallery.element.js';

export { InnoGallery };

defineElement('inno-gallery', InnoGallery);

declare global {
  interface HTMLElementTagNameMap {
    'inno-gallery': InnoGallery;
  }
}
