/**
 * Defines every element. This is the entry of `dist/inno-widgets.js`, the file a city site
 * loads with one script tag. It exports the element classes, the client and its error, but
 * not the whole contract: the schemas a page does not parse would only add bytes
 * (bundlers import them from `inno-widgets/api`).
 */
export { ApiClient, newIdempotencyKey } from './api/client.js';
export { ApiError, isAbort } from './api/errors.js';
export { InnoProvider } from './core/provider/index.js';
export * from './widgets/event-calendar/index.js';
export * from './widgets/gallery/index.js';
export * from './widgets/idea-form/index.js';
export * from './widgets/stakeholder-map/index.js';
