// `npm run analyze` writes custom-elements.json from the elements' JSDoc.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  // package.json's customElements is set by hand: a check into another folder must not rewrite it.
  packagejson: false,
  plugins: [publicMembersOnly(), modulesInPathOrder()],
};

/** The analyzer lists modules in the order it happened to read them: sorted, two runs write the same file. */
function modulesInPathOrder() {
  return {
    name: 'modules-in-path-order',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

/** Private and protected members are implementation: hosts (and Storybook's docs) see the public API only. */
function publicMembersOnly() {
  return {
    name: 'public-members-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.members) {
            declaration.members = declaration.members.filter((m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'));
          }
        }
      }
    },
  };
}
