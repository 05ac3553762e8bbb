import { en, type CoreStrings } from './en.js';
import { id } from './id.js';
import type { Translations } from './locale.js';

export { LOCALES, toLocale, type Locale, type Translations } from './locale.js';
export type { CoreStrings } from './en.js';

export const coreStrings: Translations<CoreStrings> = { id, en };
