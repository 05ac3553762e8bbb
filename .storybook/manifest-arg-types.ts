/**
 * The Docs tables of an element, from custom-elements.json, in place of the renderer's own
 * reading of the manifest, which keys every entry by its bare name. Under that scheme an
 * attribute and a CSS part of one name (the gallery's `status`, the idea form's `program`)
 * share one row and the part wins; `page-size` is a row of its own beside the stories'
 * `pageSize` arg, so its control changes nothing; a `string | undefined` type becomes a JSON
 * editor and reads "string undefined"; a type alias (`Helix`) shows its name, not its values;
 * and every part, custom property and base-class getter gets a control.
 *
 * Here each attribute is keyed by its property (`pageSize`), the arg the stories render, and
 * named by the attribute (`page-size`). Parts, custom properties, events and slots have keys
 * of their own (`part:status`), so nothing collides. Every row is documentation only
 * (`control: false`): a story turns on the controls of the args its render function passes
 * to the element, in its own `argTypes`, so that every control shown does something.
 */
import type { ArgTypes, InputType, SBType } from 'storybook/internal/types';
import { HELIXES } from '../src/api/shapes.js';

interface ManifestType {
  text?: string;
}

interface ManifestItem {
  name: string;
  description?: string;
  summary?: string;
  type?: ManifestType;
  default?: string;
  fieldName?: string;
  attribute?: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  inheritedFrom?: { name: string };
}

interface ManifestDeclaration {
  tagName?: string;
  attributes?: ManifestItem[];
  members?: ManifestItem[];
  events?: ManifestItem[];
  slots?: ManifestItem[];
  cssParts?: ManifestItem[];
  cssProperties?: ManifestItem[];
}

interface Manifest {
  modules?: { declarations?: ManifestDeclaration[] }[];
}

/**
 * The base class of the widgets. Its public getters without an attribute (`resolvedLocale`,
 * `client`) are there for the widgets' own code, not for pages, and are left out.
 */
const BASE_CLASS = 'InnoElement';

/** Categories of the Docs table, in the order they are shown. */
export const CATEGORY = {
  attributes: 'attributes',
  properties: 'properties',
  events: 'events',
  slots: 'slots',
  parts: 'css shadow parts',
  cssProperties: 'css custom properties',
} as const;

const camelCase = (name: string): string => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The type aliases that the elements' attributes use and the manifest leaves by name, with
 * their values: a reader of the table (and a control) needs the values, not the alias.
 */
const ALIASES: Readonly<Record<string, readonly string[]>> = { Helix: HELIXES };

/** The members of a union, split at its top-level `|` only (not inside `(…)`, `{…}`, `<…>`). */
function unionMembers(text: string): string[] {
  const members: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '{' || c === '[' || c === '<') depth++;
    else if (c === ')' || c === '}' || c === ']' || c === '>') depth--;
    else if (c === '|' && depth === 0) {
      members.push(text.slice(start, i));
      start = i + 1;
    }
  }
  members.push(text.slice(start));
  return members.map((member) => member.trim()).filter(Boolean);
}

/**
 * An attribute's type as a reader needs it: without `undefined` (an attribute left off; the
 * default column says what then applies), with each alias replaced by its values, and
 * `(string & {})`, the idiom that keeps an editor suggesting the literals of a union that
 * takes any string, as the `string` it is. `Helix | undefined` → `'government' | … | 'media'`.
 */
export function typeText(text: string | undefined): string | undefined {
  if (!text) return text;
  const members = unionMembers(text)
    .filter((member) => member !== 'undefined' && member !== 'null')
    .flatMap((member) => ALIASES[member]?.map((value) => `'${value}'`) ?? [member === '(string & {})' ? 'string' : member]);
  return members.length > 0 ? [...new Set(members)].join(' | ') : text;
}

/** `'a' | 'b' | undefined` → an enum of a and b; `Helix` → an enum of its values; `string | undefined` → string. */
export function sbType(text: string | undefined): SBType {
  const parts = unionMembers(typeText(text) ?? '');
  if (parts.length > 0 && parts.every((part) => /^'[^']*'$/.test(part))) {
    return { name: 'enum', value: parts.map((part) => part.slice(1, -1)) };
  }
  if (parts.length === 1 && (parts[0] === 'string' || parts[0] === 'number' || parts[0] === 'boolean')) {
    return { name: parts[0] };
  }
  return { name: 'other', value: text ?? '' };
}

/** A row of the table; `type` only for attributes and properties (a part has none to show). */
function row(item: ManifestItem, category: string, type?: SBType, extra?: string): InputType {
  const description = [item.description ?? item.summary ?? '', extra ?? ''].filter(Boolean).join('\n\n');
  return {
    name: item.name || '(default)',
    description,
    ...(type ? { type } : {}),
    control: false,
    table: {
      category,
      ...(item.type?.text ? { type: { summary: typeText(item.type.text) ?? item.type.text } } : {}),
      ...(item.default !== undefined ? { defaultValue: { summary: item.default } } : {}),
    },
  };
}

export function findDeclaration(manifest: unknown, tagName: string): ManifestDeclaration | undefined {
  for (const module of (manifest as Manifest | undefined)?.modules ?? []) {
    for (const declaration of module.declarations ?? []) if (declaration.tagName === tagName) return declaration;
  }
  return undefined;
}

/**
 * The events that the elements of the manifest document (`@event`), each name once, in the
 * order the manifest lists them.
 */
export function documentedEvents(manifest: unknown): string[] {
  const names = new Set<string>();
  for (const module of (manifest as Manifest | undefined)?.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName) for (const event of declaration.events ?? []) names.add(event.name);
    }
  }
  return [...names];
}

/** The Docs rows of `tagName`, keyed so that no two kinds of entry share a key. */
export function argTypesFromManifest(manifest: unknown, tagName: string): ArgTypes {
  const declaration = findDeclaration(manifest, tagName);
  if (!declaration) return {};
  const argTypes: ArgTypes = {};

  for (const attribute of declaration.attributes ?? []) {
    const property = attribute.fieldName ?? camelCase(attribute.name);
    const member = declaration.members?.find((m) => m.name === property);
    const note = property === attribute.name ? undefined : `Property: \`${property}\`.`;
    argTypes[property] = row(
      { ...attribute, default: attribute.default ?? member?.default, description: attribute.description ?? member?.description },
      CATEGORY.attributes,
      sbType(attribute.type?.text ?? member?.type?.text),
      note,
    );
  }

  for (const member of declaration.members ?? []) {
    if (member.kind !== 'field' || member.static || member.attribute) continue;
    if (member.privacy === 'private' || member.privacy === 'protected' || member.name.startsWith('#')) continue;
    if (member.inheritedFrom?.name === BASE_CLASS || member.name in argTypes) continue;
    argTypes[member.name] = row(member, CATEGORY.properties, sbType(member.type?.text));
  }

  for (const event of declaration.events ?? []) argTypes[`event:${event.name}`] = row(event, CATEGORY.events);
  for (const slot of declaration.slots ?? []) argTypes[`slot:${slot.name}`] = row(slot, CATEGORY.slots);
  for (const part of declaration.cssParts ?? []) argTypes[`part:${part.name}`] = row(part, CATEGORY.parts);
  for (const prop of declaration.cssProperties ?? []) argTypes[`css:${prop.name}`] = row(prop, CATEGORY.cssProperties);
  return argTypes;
}
