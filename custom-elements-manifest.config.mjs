/**
 * @custom-elements-manifest/analyzer configuration: `npm run analyze` writes
 * custom-elements.json at the repository root (git-ignored, shipped in the package).
 *
 * The analyzer reads the JSDoc on each element class: `@summary`, `@event`, `@slot`,
 * `@csspart` and `@cssprop`, plus Lit's `@property` declarations (`--litelement`).
 */

/** Source paths (`src/x/y.ts`) as the package ships them (`dist/lib/x/y.js`). */
const toPublished = (path) => path.replace(/^src\/(.*)\.ts$/, 'dist/lib/$1.js');

/** Rewrites every module path in the manifest to the published file. */
function publishedPaths() {
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = toPublished(value);
      else walk(value);
    }
  };
  return {
    name: 'inno-published-paths',
    packageLinkPhase({ customElementsManifest }) {
      walk(customElementsManifest);
    },
  };
}

/** Leaves out what is not public interface: private, protected and `_`-prefixed members, statics. */
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
  plugins: [publicMembersOnly(), publishedPaths()],
};
