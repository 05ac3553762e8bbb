/**
 * Shrinks the static text of Lit's `css` and `html` tagged templates at build time.
 *
 * Minifiers leave template literals alone, so every widget shipped its stylesheets and markup
 * with their indentation and comments: about 2.5 kB of the script-tag file's gzipped size.
 *
 * - `css`: comments go, and whitespace is collapsed. A template without `${…}` goes through
 *   esbuild's CSS minifier; one with expressions gets only the conservative rewrite (a
 *   placeholder could sit in any position, where the minifier might drop or reorder it).
 * - `html`: a run of whitespace that holds a line break becomes one line break. HTML collapses
 *   such a run to one space anyway (no template of ours puts static text in `<pre>` or
 *   `<textarea>`, or under `white-space: pre`), so the rendered page does not change; spaces
 *   within a line are left alone, since between inline elements they are visible.
 *
 * Used by rollup.config.ts (the published builds), and through the esbuild plugin by
 * scripts/size.ts (the size report) and the hostile suite's bundle, so that what is measured
 * and tested in a browser is what ships.
 */
import { readFile } from 'node:fs/promises';
import { transform, type Plugin } from 'esbuild';
import ts from 'typescript';

interface Part {
  tag: 'css' | 'html';
  /** Offsets of the literal text between the template's delimiters (`\``, `${`, `}`). */
  start: number;
  end: number;
  /** Whether this part is the whole template (no expressions). */
  whole: boolean;
}

/** The static parts of every `css` and `html` tagged template, nested ones included. */
function findParts(source: ts.SourceFile): Part[] {
  const parts: Part[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'css' || node.tag.text === 'html')) {
      const tag = node.tag.text;
      const t = node.template;
      if (ts.isNoSubstitutionTemplateLiteral(t)) {
        parts.push({ tag, start: t.getStart(source) + 1, end: t.getEnd() - 1, whole: true });
      } else {
        parts.push({ tag, start: t.head.getStart(source) + 1, end: t.head.getEnd() - 2, whole: false });
        for (const span of t.templateSpans) {
          const lit = span.literal;
          const tail = ts.isTemplateTail(lit);
          parts.push({ tag, start: lit.getStart(source) + 1, end: lit.getEnd() - (tail ? 1 : 2), whole: false });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return parts;
}

/**
 * Comments out, whitespace collapsed, no space around `{`, `}` and `;`. A whitespace run that
 * holds line breaks becomes those line breaks (CSS treats them as one space), so lines keep
 * their numbers. Spaces before a colon are kept: in a selector they are a combinator.
 */
function collapseCss(text: string): string {
  const breaksOnly = (run: string): string => run.replace(/[^\n]/g, '');
  return text
    .replace(/\/\*[\s\S]*?\*\//g, breaksOnly)
    .replace(/\s+/g, (run) => (run.includes('\n') ? breaksOnly(run) : ' '))
    .replace(/[ \t]*([{};])[ \t]*/g, '$1')
    // A declaration's colon needs no space after it (a custom property's value keeps its own).
    .replace(/([{;]\n*)(-?[a-z][a-z-]*):[ \t]+/g, '$1$2:')
    .replace(/;}/g, '}');
}

async function minifyCss(text: string, whole: boolean): Promise<string> {
  // Escapes would need cooking and re-escaping; such templates get the conservative rewrite.
  if (!whole || text.includes('\\')) return collapseCss(text);
  const result = await transform(text, { loader: 'css', minify: true, logLevel: 'silent' });
  if (result.warnings.length > 0) throw new Error(`minify-templates: esbuild warned on a css template: ${result.warnings[0]!.text}`);
  if (result.code.includes('`') || result.code.includes('\\')) return collapseCss(text);
  return result.code.trim();
}

/** A run of whitespace holding line breaks becomes those line breaks alone. */
function minifyHtml(text: string): string {
  return text.replace(/\s*\n\s*/g, (run) => run.replace(/[^\n]/g, ''));
}

/**
 * Returns `code` (TypeScript or JavaScript) with the static text of its `css` and `html`
 * templates minified. Line breaks are kept in number (a css template's move to its end), so
 * source maps stay right line by line.
 */
export async function minifyTemplates(code: string, fileName = 'module.ts'): Promise<string> {
  if (!/\b(?:css|html)\s*`/.test(code)) return code;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const parts = findParts(source).sort((a, b) => b.start - a.start);
  let out = code;
  for (const part of parts) {
    const text = code.slice(part.start, part.end);
    let next: string;
    if (part.tag === 'css') {
      const css = await minifyCss(text, part.whole);
      next = css + '\n'.repeat(text.split('\n').length - css.split('\n').length);
    } else {
      next = minifyHtml(text);
    }
    out = out.slice(0, part.start) + next + out.slice(part.end);
  }
  return out;
}

/** Rollup plugin: runs on our own modules after TypeScript has emitted them. */
export function minifyTemplatesRollup(): { name: string; transform: (code: string, id: string) => Promise<{ code: string; map: null } | null> } {
  return {
    name: 'minify-templates',
    async transform(code, id) {
      if (id.includes('/node_modules/') || !/\/src\/.*\.ts$/.test(id)) return null;
      // Line breaks are kept, so the maps TypeScript writes next still point at the right lines.
      return { code: await minifyTemplates(code, id), map: null };
    },
  };
}

/** esbuild plugin: the same rewrite on our own TypeScript sources as they are loaded. */
export const minifyTemplatesEsbuild: Plugin = {
  name: 'minify-templates',
  setup(build) {
    build.onLoad({ filter: /\/src\/.*\.ts$/ }, async (args) => ({
      contents: await minifyTemplates(await readFile(args.path, 'utf8'), args.path),
      loader: 'ts',
    }));
  },
};
