/**
 * Everything: defines every element. This is the entry of `dist/inno-widgets.js`, the file a
 * city site loads with one script tag.
 */
export * from './api/index.js';
export * from './core/index.js';
export { InnoProvider } from './core/provider/index.js';
