/**
 * Controls for optional attributes whose values are a fixed set. Their first option,
 * `undefined`, leaves the attribute off; Storybook labels an option by `String(option)`, so
 * that one would read "undefined". It is named instead for what applies when the attribute
 * is off (Storybook looks its label up under the key `'undefined'`).
 */
export function optionalChoice<T extends string | number>(type: 'inline-radio' | 'select', options: readonly T[], unset: string) {
  return { control: { type, labels: { undefined: unset } }, options: [undefined, ...options] };
}

/**
 * An element's own `locale`. Off, the element speaks the provider's language, which the
 * stories take from the toolbar (or the page's `lang`, which the toolbar sets too).
 */
export const localeControl = optionalChoice('inline-radio', ['id', 'en'], 'toolbar');
