// `npm run analyze` writes custom-elements.json from the elements' JSDoc.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
};
