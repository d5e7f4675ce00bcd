// `npm run analyze` writes custom-elements.json from the elements' JSDoc.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  // package.json's customElements is set by hand: a check into another folder must not rewrite it.
  packagejson: false,
};
