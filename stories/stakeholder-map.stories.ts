import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import '../src/widgets/stakeholder-map/index.js';
import { localeControl, optionalChoice } from './controls.js';

interface StakeholderMapArgs {
  view: 'network' | 'geo' | 'list';
  helix?: string;
  around?: string;
  depth?: 1 | 2 | 3;
  tileUrl?: string;
  apiBase?: string;
  locale?: 'id' | 'en';
}

/**
 * `<inno-stakeholder-map>` shows who works with whom in the city's innovation ecosystem:
 * a force-directed network on canvas (each helix a colour and a shape, size by number of
 * collaborations; drag to pan, wheel or buttons to zoom, arrow keys to walk between
 * partners), a Leaflet map that is loaded only when its view opens, and a sortable table
 * that is the accessible equivalent of both. The legend filters every view; the search and
 * a click open a stakeholder's profile and fire `inno-stakeholder-select`; choosing one of
 * its innovations fires `inno-innovation-select`, as the gallery does.
 */
const meta = {
  title: 'Elements/inno-stakeholder-map',
  component: 'inno-stakeholder-map',
  args: { view: 'network' },
  argTypes: {
    view: { control: 'inline-radio', options: ['network', 'geo', 'list'] },
    helix: { control: 'text' },
    around: { control: 'text' },
    depth: optionalChoice('inline-radio', [1, 2, 3], 'default (1)'),
    tileUrl: { control: 'text' },
    apiBase: { control: 'text' },
    locale: localeControl,
  },
  render: (args) => html`<inno-stakeholder-map
    api-base=${args.apiBase ?? nothing}
    view=${args.view}
    helix=${args.helix ?? nothing}
    around=${args.around ?? nothing}
    depth=${args.depth ?? nothing}
    tile-url=${args.tileUrl ?? nothing}
    locale=${args.locale ?? nothing}
  ></inno-stakeholder-map>`,
} satisfies Meta<StakeholderMapArgs>;

export default meta;
type Story = StoryObj<StakeholderMapArgs>;

/** The whole ecosystem of the demo city as a network. Tab to the picture, then use the arrow keys. */
export const Network: Story = {};

/** `view="list"`: the same stakeholders as a sortable table. */
export const List: Story = { args: { view: 'list' } };

/**
 * `view="geo"`: stakeholders with a location on an OpenStreetMap map, clustered. Leaflet is
 * fetched only now. Without internet the tiles fail and the markers stay on a plain background.
 */
export const Geographic: Story = { args: { view: 'geo' } };

/** `helix="academia business"`: campuses and businesses only; the legend can switch others on. */
export const HelixFilter: Story = { args: { helix: 'academia business' } };

/** `around` and `depth`: a campus's own collaboration neighbourhood, centred on it. */
export const CampusNeighbourhood: Story = { args: { around: 'sh-unikra', depth: 2 } };

/** No stakeholders registered yet. */
export const Empty: Story = {
  args: { apiBase: '/fixture-stakeholder-map/empty/api/v1' },
  parameters: { innoProvider: false },
};

/** The server fails: an error with a retry button. */
export const ServerError: Story = {
  args: { apiBase: '/fixture-stakeholder-map/down/api/v1', view: 'list' },
  parameters: { innoProvider: false },
};

/** Hostile data: markup in names stays text, invalid items are skipped and reported. */
export const HostileData: Story = {
  args: { apiBase: '/fixture-stakeholder-map/hostile/api/v1', view: 'list' },
  parameters: { innoProvider: false },
};

/** A phone-width column: the table keeps to name, helix shape and count; nothing scrolls sideways. */
export const Narrow: Story = {
  args: { view: 'list' },
  render: (args) => html`<div style=${styleMap({ width: '320px', overflowX: 'hidden', outline: '1px dashed #767f8f' })}>
    ${meta.render(args)}
  </div>`,
};
