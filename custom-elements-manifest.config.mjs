// `npm run analyze` writes custom-elements.json from the elements' JSDoc.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  // package.json's customElements is set by hand: a check into another folder must not rewrite it.
  packagejson: false,
  plugins: [publicMembersOnly()],
};

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
