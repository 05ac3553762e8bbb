/**
 * Renders Component Story Format stories the way @storybook/web-components does, without
 * Storybook: args (meta, then story), globals, loaders, decorators (story, meta, then the
 * project's), the render function (or the default one, which creates `component` and sets
 * args as properties), then `play`. Small on purpose: it runs inside web-test-runner.
 */
import { render as litRender, nothing } from 'lit';
import { isTemplateResult } from 'lit/directive-helpers.js';

type Args = Record<string, unknown>;

export interface StoryContext {
  id: string;
  name: string;
  title: string;
  component?: string | undefined;
  args: Args;
  argTypes: Record<string, unknown>;
  globals: Record<string, unknown>;
  parameters: Record<string, unknown>;
  tags: string[];
  loaded: Record<string, unknown>;
  viewMode: 'story';
  canvasElement: HTMLElement;
  step: (label: string, play: () => unknown) => Promise<void>;
}

type StoryFn = (update?: Partial<StoryContext>) => unknown;
type Decorator = (story: StoryFn, context: StoryContext) => unknown;
type Render = (args: Args, context: StoryContext) => unknown;
type Loader = (context: StoryContext) => unknown;

interface Annotations {
  args?: Args;
  argTypes?: Record<string, unknown>;
  globals?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
  decorators?: Decorator | Decorator[];
  loaders?: Loader | Loader[];
  render?: Render;
  play?: (context: StoryContext) => unknown;
  tags?: string[];
}

export interface Meta extends Annotations {
  title?: string;
  component?: string;
  includeStories?: string[] | RegExp;
  excludeStories?: string[] | RegExp;
}

export interface StoryObject extends Annotations {
  name?: string;
  storyName?: string;
}

export type Story = StoryObject | (Render & StoryObject);

export interface ProjectAnnotations {
  decorators?: Decorator[];
  globals?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
}

export interface CsfStory {
  exportName: string;
  name: string;
  id: string;
  story: Story;
}

const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

const matches = (name: string, filter: string[] | RegExp): boolean =>
  Array.isArray(filter) ? filter.includes(name) : filter.test(name);

/** `myStory` → `My Story`, as Storybook names stories. */
export function storyNameFromExport(exportName: string): string {
  return exportName
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/^\w/, (c) => c.toUpperCase())
    .trim();
}

const toId = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The stories a CSF module exports, in Storybook's order, without those tagged `!test`. */
export function storiesOf(module: Record<string, unknown>, file: string): { meta: Meta; title: string; stories: CsfStory[] } {
  const meta = (module['default'] ?? {}) as Meta;
  const title = meta.title ?? file.replace(/^.*\//, '').replace(/\.stories\.ts$/, '');
  const order = Array.isArray(module['__namedExportsOrder'])
    ? (module['__namedExportsOrder'] as string[])
    : Object.keys(module).filter((k) => k !== 'default' && k !== '__namedExportsOrder');
  const stories: CsfStory[] = [];
  for (const exportName of order) {
    if (meta.includeStories && !matches(exportName, meta.includeStories)) continue;
    if (meta.excludeStories && matches(exportName, meta.excludeStories)) continue;
    const story = module[exportName] as Story | undefined;
    if (story === undefined || story === null || (typeof story !== 'object' && typeof story !== 'function')) continue;
    const tags = [...(meta.tags ?? []), ...(story.tags ?? [])];
    if (tags.includes('!test')) continue;
    const name = story.name && typeof story !== 'function' ? story.name : (story.storyName ?? storyNameFromExport(exportName));
    stories.push({ exportName, name, id: `${toId(title)}--${toId(exportName)}`, story });
  }
  return { meta, title, stories };
}

function defaultRender(args: Args, context: StoryContext): HTMLElement {
  if (!context.component) throw new Error(`Story ${context.id} has neither a render function nor a component`);
  const element = document.createElement(context.component);
  for (const [key, value] of Object.entries(args)) (element as unknown as Args)[key] = value;
  return element;
}

function mount(result: unknown, canvas: HTMLElement, id: string): void {
  if (isTemplateResult(result)) litRender(result, canvas);
  else if (typeof result === 'string') canvas.innerHTML = result;
  else if (result instanceof Node) canvas.replaceChildren(result);
  else throw new Error(`Story ${id} returned neither a template, an HTML string nor a DOM node`);
}

/** Renders one story into `canvas` and runs its `play` function. */
export async function renderStory(
  meta: Meta,
  title: string,
  csf: CsfStory,
  project: ProjectAnnotations,
  globals: Record<string, unknown>,
  canvas: HTMLElement,
): Promise<StoryContext> {
  const story = csf.story;
  const context: StoryContext = {
    id: csf.id,
    name: csf.name,
    title,
    component: meta.component,
    args: { ...meta.args, ...story.args },
    argTypes: { ...meta.argTypes, ...story.argTypes },
    globals: { ...project.globals, ...globals, ...meta.globals, ...story.globals },
    parameters: { ...project.parameters, ...meta.parameters, ...story.parameters },
    tags: [...(meta.tags ?? []), ...(story.tags ?? [])],
    loaded: {},
    viewMode: 'story',
    canvasElement: canvas,
    step: async (_label, play) => {
      await play();
    },
  };

  for (const loader of [...asArray(meta.loaders), ...asArray(story.loaders)]) {
    Object.assign(context.loaded, await loader(context));
  }

  const render: Render = typeof story === 'function' ? story : (story.render ?? meta.render ?? defaultRender);
  let storyFn: StoryFn = (update) => {
    if (update) Object.assign(context, update);
    return render(context.args, context);
  };
  // Innermost first: the story's own decorators, then the meta's, then the project's.
  for (const decorator of [...asArray(story.decorators), ...asArray(meta.decorators), ...(project.decorators ?? [])]) {
    const inner = storyFn;
    storyFn = (update) => {
      if (update) Object.assign(context, update);
      return decorator(inner, context);
    };
  }

  mount(storyFn(), canvas, csf.id);
  const play = (typeof story === 'function' ? undefined : story.play) ?? meta.play;
  if (play) {
    await settle(canvas);
    await play(context);
  }
  return context;
}

export function unmount(canvas: HTMLElement): void {
  litRender(nothing, canvas);
  canvas.replaceChildren();
}

// --- waiting until a story has finished loading --------------------------------------

let inFlight = 0;
let fetchWrapped = false;

/** Counts requests in flight (the real fetch still does the work), so settle() can wait for them. */
export function trackRequests(): void {
  if (fetchWrapped) return;
  fetchWrapped = true;
  const realFetch = window.fetch.bind(window);
  window.fetch = async (...request: Parameters<typeof fetch>) => {
    inFlight++;
    try {
      return await realFetch(...request);
    } finally {
      inFlight--;
    }
  };
}

interface Updating {
  isUpdatePending?: boolean;
  updateComplete?: Promise<unknown>;
}

function updatingElements(root: ParentNode, out: Updating[] = []): Updating[] {
  for (const el of root.querySelectorAll('*')) {
    if ('updateComplete' in el) out.push(el as Updating);
    if (el.shadowRoot) updatingElements(el.shadowRoot, out);
  }
  return out;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/**
 * Resolves once no request is in flight and no Lit element has an update pending, twice in a
 * row a frame apart, so that a widget has loaded its data and rendered it. Gives up quietly
 * after `timeout` ms (a story may poll or animate forever).
 */
export async function settle(canvas: HTMLElement, timeout = 5_000): Promise<void> {
  const end = performance.now() + timeout;
  let quiet = 0;
  while (quiet < 2 && performance.now() < end) {
    const elements = updatingElements(canvas);
    await Promise.all(elements.map((el) => el.updateComplete ?? Promise.resolve()));
    await nextFrame();
    const busy = inFlight > 0 || updatingElements(canvas).some((el) => el.isUpdatePending);
    quiet = busy ? 0 : quiet + 1;
    if (busy) await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
