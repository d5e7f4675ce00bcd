/**
 * sheetjs-style is sloppy-mode CommonJS: converted to (strict) ESM it assigns four undeclared
 * globals. They must exist before it loads, hence this module, imported first.
 */
const scope = globalThis as Record<string, unknown>;
for (const name of ['QUOTE', '_hashIndex', '_listIndex', 'style_builder']) {
  if (!(name in scope)) scope[name] = undefined;
}
