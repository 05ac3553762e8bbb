/**
 * @custom-elements-manifest/analyzer configuration: `npm run analyze` writes
 * custom-elements.json at the repository root (git-ignored, shipped in the package).
 *
 * The analyzer reads the JSDoc on each element class: `@summary`, `@event`, `@slot`,
 * `@csspart` and `@cssprop`, plus Lit's `@property` declarations (`--litelement`).
 */

import { posix } from 'node:path';

/**
 * Elements are registered through the guarded `defineElement('inno-x', InnoX)` of
 * src/core/base-element.ts, which the analyzer does not know: record those calls as it
 * records `customElements.define()`, so each class gets its tag name.
 */
function defineElementCalls() {
  return {
    name: 'inno-define-element-calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node)) return;
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      const [tagArg, classArg] = node.arguments;
      if (name !== 'defineElement' || !tagArg || !ts.isStringLiteralLike(tagArg) || !classArg || !ts.isIdentifier(classArg)) return;
      const className = classArg.text;
      let modulePath = moduleDoc.path;
      // A class imported from a sibling module: point the definition at that module.
      for (const statement of node.getSourceFile().statements) {
        if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
        const bindings = statement.importClause?.namedBindings;
        if (!bindings || !ts.isNamedImports(bindings)) continue;
        if (bindings.elements.some((el) => el.name.text === className)) {
          const specifier = statement.moduleSpecifier.text;
          if (specifier.startsWith('.')) {
            modulePath = posix.join(posix.dirname(moduleDoc.path), specifier).replace(/\.js$/, '.ts');
          }
        }
      }
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tagArg.text, declaration: { name: className, module: modulePath } },
      ];
    },
    packageLinkPhase({ customElementsManifest }) {
      // defineElement's own `customElements.define(tag, ctor)` is not a definition of an element.
      for (const mod of customElementsManifest.modules ?? []) {
        if (!mod.exports) continue;
        mod.exports = mod.exports.filter((e) => e.kind !== 'custom-element-definition' || e.name.includes('-'));
      }
    },
  };
}

/**
 * A module path as the package ships it, from the package root. The analyzer writes a module
 * as `src/x/y.ts`, a re-export's as its specifier (`./y.js`, from the module at `from`) or as
 * `src/x/y.js`, and a superclass's as `/src/x/y.js`: all become `dist/lib/x/y.js`.
 */
const toPublished = (path, from) => {
  const fromRoot = path.startsWith('.') ? posix.join(posix.dirname(from), path) : path.replace(/^\//, '');
  return fromRoot.replace(/^src\/(.*)\.[jt]s$/, 'dist/lib/$1.js');
};

/** Rewrites every module path in the manifest to the published file. */
function publishedPaths() {
  const walk = (node, from) => {
    if (Array.isArray(node)) return node.forEach((item) => walk(item, from));
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = toPublished(value, from);
      else walk(value, from);
    }
  };
  return {
    name: 'inno-published-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) walk(mod, mod.path);
    },
  };
}

/** Leaves out what is not public interface: private, protected and `_`-prefixed members, statics, nameless events. */
function publicMembersOnly() {
  const isPublic = (member) =>
    member.privacy !== 'private' &&
    member.privacy !== 'protected' &&
    !member.name.startsWith('_') &&
    !member.name.startsWith('#') &&
    !member.static;
  return {
    name: 'inno-public-members-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (Array.isArray(decl.members)) decl.members = decl.members.filter(isPublic);
          // `this.dispatchEvent(new SomeEvent())` is recorded as a nameless event; the JSDoc
          // `@event` lines name the real ones.
          if (Array.isArray(decl.events)) decl.events = decl.events.filter((event) => event.name);
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest; the analyzer must not rewrite it.
  packagejson: false,
  dependencies: false,
  plugins: [defineElementCalls(), publicMembersOnly(), publishedPaths()],
};
