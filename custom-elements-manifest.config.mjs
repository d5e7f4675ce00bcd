// `npm run analyze` writes custom-elements.json from the elements' JSDoc. It describes the
// package as shipped: the modules of dist/, each tag's definition, and typed events.
import { readdirSync, readFileSync } from 'node:fs';

export default {
  globs: ['src/**/*.ts'],
  // The export engine's modules exist in dist/ only inside the bundled worker and fallback engine.
  exclude: ['src/**/*.d.ts', 'src/export/{campaign-sheet,export-types,export-worker,export-worker-source,page-setup,sheet-xml,sheetjs,styled-cells,summary-sheet,xlsx-engine,zip-writer}.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  // package.json's customElements is set by hand: a check into another folder must not rewrite it.
  packagejson: false,
  plugins: [publicMembersOnly(), tagDefinitions(), typedEvents(), shippedPaths(), modulesInPathOrder()],
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

/**
 * `defineElement(tag, element)` in src/internal/define.ts reads to the analyzer as a definition
 * of a tag named "tag": dropped. The real ones are made by src/define/<tag>.ts.
 */
function tagDefinitions() {
  return {
    name: 'tag-definitions',
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules;
      for (const module of modules) module.exports = module.exports?.filter((e) => e.kind !== 'custom-element-definition');
      for (const module of modules) {
        for (const declaration of module.declarations ?? []) {
          const define = declaration.tagName && modules.find((m) => m.path === `src/define/${declaration.tagName}.ts`);
          if (!define) continue;
          define.exports = [
            ...(define.exports ?? []),
            { kind: 'custom-element-definition', name: declaration.tagName, declaration: { name: declaration.name, module: module.path } },
          ];
        }
      }
    },
  };
}

/** Each event's type, as its `*.events.ts` file declares it in `HTMLElementEventMap`. */
function typedEvents() {
  const types = new Map();
  for (const dir of readdirSync('src/components')) {
    for (const file of readdirSync(`src/components/${dir}`).filter((f) => f.endsWith('.events.ts'))) {
      const text = readFileSync(`src/components/${dir}/${file}`, 'utf8');
      for (const [, name, type] of text.matchAll(/'([a-z-]+)':\s*(CustomEvent<[^;]+>);/g)) types.set(name, type);
    }
  }
  return {
    name: 'typed-events',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          for (const event of declaration.events ?? []) {
            const type = types.get(event.name);
            if (!type) throw new Error(`custom-elements.json: no type for the event ${event.name} in any *.events.ts`);
            event.type = { text: type };
          }
        }
      }
    },
  };
}

/** The analyzer reads src/*.ts; a host gets dist/*.js: every module path says the shipped file. */
function shippedPaths() {
  const shipped = (value) =>
    value === 'src/standalone.ts' ? 'dist/standalone/campaign-stats-elements.js' : value.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/$1.js');
  const visit = (node) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = shipped(value);
        else visit(value);
      }
    }
  };
  return {
    name: 'shipped-paths',
    packageLinkPhase({ customElementsManifest }) {
      // Modules of types only (events, messages) have no JavaScript file, nor anything to list.
      customElementsManifest.modules = customElementsManifest.modules.filter((m) => m.declarations?.length || m.exports?.length);
      visit(customElementsManifest.modules);
    },
  };
}
