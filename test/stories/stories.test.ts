/**
 * Every story of every story file renders without a thrown error, an unhandled rejection or
 * a console.error, in the light theme in Bahasa Indonesia and in the dark theme in English,
 * with the same decorators as Storybook (.storybook/preview-shared.ts) and against the
 * reference API that web-test-runner mounts at /api/v1. A broken preview is a failing build.
 *
 * The list of story files is test/stories/all-stories.ts, written by scripts/story-index.ts
 * (`pretest:browser`), so a new stories file is picked up without touching this test.
 */
import { expect } from '@open-wc/testing';
import { decorators, initialGlobals } from '../../.storybook/preview-shared.js';
import { renderStory, settle, storiesOf, trackRequests, unmount, type ProjectAnnotations } from './render.js';

// Storybook's decorator type is tied to its renderer; ours takes the same (story, context) call.
const project: ProjectAnnotations = { decorators: decorators as unknown as ProjectAnnotations['decorators'], globals: { ...initialGlobals } };

// Imported by a computed path so that type-checking a fresh clone does not need the generated file.
// The .ts name: the dev server compiles TypeScript it serves, but maps .js to .ts only for static imports.
const indexPath = './all-stories.ts';
const { storyFiles } = (await import(/* @vite-ignore */ indexPath)) as {
  storyFiles: Record<string, () => Promise<Record<string, unknown>>>;
};

const VARIANTS = [
  { theme: 'light', locale: 'id' },
  { theme: 'dark', locale: 'en' },
] as const;

function describeError(value: unknown): string {
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  try {
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** Collects console.error calls and uncaught errors while `run` goes on. */
async function collectErrors(run: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    errors.push(`console.error: ${args.map(describeError).join(' ')}`);
    consoleError.apply(console, args);
  };
  const onError = (event: ErrorEvent) => errors.push(`uncaught: ${describeError(event.error ?? event.message)}`);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(`unhandled rejection: ${describeError(event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await run();
  } catch (error) {
    errors.push(`thrown: ${describeError(error)}`);
  } finally {
    console.error = consoleError;
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  return errors;
}

// Load every story file first (one that fails to load fails its own test), so that each story
// gets a test of its own.
const loaded = await Promise.all(
  Object.entries(storyFiles).map(async ([file, load]) => {
    try {
      return { file, module: await load(), error: undefined };
    } catch (error) {
      return { file, module: undefined, error };
    }
  }),
);

trackRequests();

describe('stories', () => {
  it('finds the story files', () => {
    expect(loaded, 'story files (scripts/story-index.ts)').to.have.length.above(0);
  });

  for (const { file, module, error } of loaded) {
    describe(file, () => {
      it('loads and exports at least one story', () => {
        if (error) throw error instanceof Error ? error : new Error(describeError(error));
        expect(storiesOf(module!, file).stories, 'stories').to.have.length.above(0);
      });
      if (!module) return;

      const { meta, title, stories } = storiesOf(module, file);
      for (const csf of stories) {
        for (const variant of VARIANTS) {
          it(`${title} › ${csf.name} (${variant.theme}, ${variant.locale})`, async () => {
            const canvas = document.createElement('div');
            canvas.id = 'storybook-root';
            document.body.append(canvas);
            const errors = await collectErrors(async () => {
              await renderStory(meta, title, csf, project, variant, canvas);
              await settle(canvas);
              // Room for an error that a finished request or timer raises a moment later.
              await new Promise((resolve) => setTimeout(resolve, 100));
            });
            unmount(canvas);
            canvas.remove();
            document.body.style.background = '';
            document.body.style.colorScheme = '';
            if (errors.length > 0) throw new Error(`the story reported ${errors.length} error(s):\n${errors.join('\n')}`);
          });
        }
      }
    });
  }
});
