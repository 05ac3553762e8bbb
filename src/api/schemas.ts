/**
 * The whole contract in one import (for the server, the OpenAPI builder and tooling).
 * Widgets import the narrower modules so their bundles carry only what they parse.
 */
export * from './shapes.js';
export * from './requests.js';
export * from './admin.js';
export * from './queries.js';
