/** Shared foundation of the widgets: base element, context, languages, theme, formatting. */
export { defineElement, InnoElement } from './base-element.js';
export { clientFor, innoContext, type InnoContextValue, type Theme } from './context.js';
export * from './events.js';
export * from './format.js';
export * from './i18n/index.js';
export { paragraphs, safeHttpUrl } from './safe.js';
export { baseStyles, TOKEN_NAMES, type TokenName } from './theme.js';
export { styleProps, type StyleProps } from './directives/style-props.js';
