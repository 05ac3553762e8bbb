/**
 * The build's minification of `css` and `html` template text (scripts/minify-templates.ts):
 * what it does to small cases, and that every stylesheet in src means the same after it.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { transform } from 'esbuild';
import ts from 'typescript';
import { minifyTemplates } from '../../scripts/minify-templates.js';

const lines = (s: string): number => s.split('\n').length;

describe('minifyTemplates', () => {
  test('a css template without expressions goes through the CSS minifier', async () => {
    const code = 'const s = css`\n  /* a comment */\n  :host {\n    display: block;\n    color: red;\n  }\n  .a :hover { margin: 0px; }\n`;\n';
    const out = await minifyTemplates(code);
    assert.match(out, /css`:host\{display:block;color:red\}\.a :hover\{margin:0\}\n+`/);
    assert.equal(lines(out), lines(code), 'line breaks are kept in number');
  });

  test('a css template with expressions keeps them and every meaningful space', async () => {
    const code = 'const s = css`\n  .a  :hover {\n    color: ${c};\n  }\n  ${rules}\n  .b > .c { width: calc(1px + ${w}); }\n  .d${sel} { --x: ${x}; }\n`;';
    const out = await minifyTemplates(code);
    assert.equal(out, 'const s = css`\n.a :hover{\ncolor:${c};\n}\n${rules}\n.b > .c{width:calc(1px + ${w})}\n.d${sel}{--x: ${x}}\n`;');
    assert.equal(lines(out), lines(code));
  });

  test('html: a whitespace run with line breaks becomes the line breaks; spaces within a line stay', async () => {
    const code = 'html`<p>\n      <b>a</b> <i>b</i>\n\n      ${x}\n    </p>`';
    const out = await minifyTemplates(code);
    assert.equal(out, 'html`<p>\n<b>a</b> <i>b</i>\n\n${x}\n</p>`');
  });

  test('templates nested in expressions are minified; other templates and strings are not', async () => {
    const code = [
      'const a = `  keep\n    this  `;',
      "const b = '  css`  not a template  `';",
      '// html` in a comment\n',
      'const c = html`<ul>\n  ${items.map((i) => html`<li>\n    ${i}\n  </li>`)}\n</ul>`;',
    ].join('\n');
    const out = await minifyTemplates(code);
    assert.ok(out.includes('`  keep\n    this  `'), 'a plain template literal is untouched');
    assert.ok(out.includes("'  css`  not a template  `'"), 'a string is untouched');
    assert.ok(out.includes('html`<li>\n${i}\n</li>`'), 'the nested template is minified');
    assert.ok(out.includes('html`<ul>\n${'), 'the outer template is minified');
    assert.equal(lines(out), lines(code));
  });

  test('TypeScript emit style (a space between tag and template) is recognised', async () => {
    const out = await minifyTemplates('x = css `\n  a { color: red; }\n`;');
    assert.equal(out, 'x = css `a{color:red}\n\n`;');
  });
});

/** Every source file under src that is shipped (tests and stories are not). */
function shippedSources(dir = 'src', out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) shippedSources(path, out);
    else if (path.endsWith('.ts') && !/\.(test|stories)\.ts$/.test(path)) out.push(path);
  }
  return out;
}

/** The text of each `css` template in `code`, expressions replaced by numbered custom properties. */
function stylesheets(code: string): string[] {
  const source = ts.createSourceFile('m.ts', code, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'css') {
      const t = node.template;
      if (ts.isNoSubstitutionTemplateLiteral(t)) found.push(t.rawText ?? t.text);
      else found.push(t.head.rawText + t.templateSpans.map((s, i) => `var(--expr-${i})${s.literal.rawText}`).join(''));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('every stylesheet in src means the same after minification', async () => {
  const files = shippedSources();
  let checked = 0;
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    const before = stylesheets(code);
    if (before.length === 0) continue;
    const after = stylesheets(await minifyTemplates(code, file));
    assert.equal(after.length, before.length, file);
    for (const [i, css] of before.entries()) {
      // esbuild's own minification of both must agree: only insignificant text was removed.
      const a = await transform(css, { loader: 'css', minify: true });
      const b = await transform(after[i]!, { loader: 'css', minify: true });
      assert.equal(b.code, a.code, `${file}: stylesheet ${i + 1}`);
      assert.ok(after[i]!.length < css.length, `${file}: stylesheet ${i + 1} got smaller`);
      checked++;
    }
  }
  assert.ok(checked >= 6, `found the widgets' stylesheets (${checked})`);
});
