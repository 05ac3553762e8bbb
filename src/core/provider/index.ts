/** `inno-widgets/provider`: defines `<inno-provider>`. */
import { defineProvider, InnoProvider } from './provider.element.js';

defineProvider();

export { InnoProvider };
