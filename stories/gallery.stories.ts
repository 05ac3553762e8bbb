import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { styleMap } from 'lit/directives/style-map.js';
import { HELIXES, INNOVATION_STAGES, PROGRAM_STATUSES, type Helix, type InnovationStage, type ProgramStatus } from '../src/api/shapes.js';
import '../src/widgets/gallery/index.js';
import { localeControl, optionalChoice } from './controls.js';

interface GalleryArgs {
  collection: 'innovations' | 'programs';
  view: 'grid' | 'list';
  pageSize: number;
  sector?: string;
  stage?: InnovationStage;
  q?: string;
  owner?: string;
  program?: string;
  status?: ProgramStatus;
  audience?: Helix;
  applyUrl?: string;
  apiBase?: string;
  locale?: 'id' | 'en';
}

/**
 * `<inno-gallery>` shows the city's innovations (or, with `collection="programs"`, the
 * programs that grow them) from the shared API: search, facets, removable filter chips,
 * server paging with "load more", and details in a dialog. Filters are mirrored into the
 * page URL (`ig-*` parameters) unless `no-url-state` is set; these stories set it so that
 * they do not change the preview's address.
 */
const meta = {
  title: 'Elements/inno-gallery',
  component: 'inno-gallery',
  args: { collection: 'innovations', view: 'grid', pageSize: 6 },
  // Controls for exactly the args that render() passes on; the other rows of the table
  // (no-url-state, which these stories always set, the parts and custom properties) only document.
  argTypes: {
    collection: { control: 'inline-radio', options: ['innovations', 'programs'] },
    view: { control: 'inline-radio', options: ['grid', 'list'] },
    pageSize: { control: { type: 'number', min: 1, max: 100 } },
    sector: { control: 'text' },
    stage: optionalChoice('select', INNOVATION_STAGES, 'any'),
    q: { control: 'text' },
    owner: { control: 'text' },
    program: { control: 'text' },
    status: optionalChoice('select', PROGRAM_STATUSES, 'any'),
    audience: optionalChoice('select', HELIXES, 'anyone'),
    applyUrl: { control: 'text' },
    apiBase: { control: 'text' },
    locale: localeControl,
  },
  render: (args) => html`<inno-gallery
    no-url-state
    api-base=${ifDefined(args.apiBase)}
    collection=${args.collection}
    view=${args.view}
    page-size=${args.pageSize}
    sector=${ifDefined(args.sector)}
    stage=${ifDefined(args.stage)}
    q=${ifDefined(args.q)}
    owner=${ifDefined(args.owner)}
    program=${ifDefined(args.program)}
    status=${ifDefined(args.status)}
    audience=${ifDefined(args.audience)}
    apply-url=${ifDefined(args.applyUrl)}
    locale=${ifDefined(args.locale)}
  ></inno-gallery>`,
} satisfies Meta<GalleryArgs>;

export default meta;
type Story = StoryObj<GalleryArgs>;

/** The innovations of the demo city, newest first, as cards. */
export const Innovations: Story = {};

/** `view="list"`: one row per innovation. */
export const ListView: Story = { args: { view: 'list' } };

/** Presets: only implemented innovations in health. */
export const Preset: Story = { args: { sector: 'health', stage: 'implemented' } };

/** A campus portal's slice: `owner` names the campus, showing its own and partnered innovations. */
export const CampusOwner: Story = { args: { owner: 'sh-unikra' } };

/** `collection="programs"`: challenges, incubators, trainings and grants, open ones first. */
export const Programs: Story = {
  args: { collection: 'programs', applyUrl: '/kirim-ide' },
};

/** The programs open now to a campus's students and staff (`audience="academia"`), as its portal shows them. */
export const OpenPrograms: Story = {
  args: { collection: 'programs', status: 'open', audience: 'academia', applyUrl: '/kirim-ide' },
};

/** Nothing matches: the empty state offers to clear the filters. */
export const Empty: Story = { args: { q: 'tidak-ada-yang-cocok-xyz' } };

/** The server fails: an error state with a retry button. */
export const ServerError: Story = { args: { apiBase: '/fixture-gallery/down/api/v1' } };

/** 320 px wide, as on a small phone: everything wraps, nothing scrolls sideways. */
export const Narrow: Story = {
  render: (args) => html`<div
    style=${styleMap({ width: '320px', overflowX: 'hidden', outline: '1px dashed #767f8f' })}>${meta.render(args)}</div>`,
};
