/** `inno-widgets/idea-form`: defines `<inno-idea-form>`. */
import { defineElement } from '../../core/base-element.js';
import { InnoIdeaForm } from './idea-form.element.js';

defineElement('inno-idea-form', InnoIdeaForm);

declare global {
  interface HTMLElementTagNameMap {
    'inno-idea-form': InnoIdeaForm;
  }
}

export { InnoIdeaForm };
export type { InnoIdeaSubmittedEvent } from '../../core/events.js';
