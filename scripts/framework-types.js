// Editor and framework types, from custom-elements.json, into dist/ (called by scripts/build.js):
//   dist/types/react.d.ts      React 19 JSX: attributes, properties, typed `on<event>` handlers
//   dist/types/vue.d.ts        Vue 3 GlobalComponents: props and typed `@event` handlers
//   dist/vscode.html-custom-data.json, dist/vscode.css-custom-data.json   VS Code completion
//   dist/web-types.json        JetBrains completion
// Editor data comes from the custom-elements-manifest ecosystem's generators. The React and Vue
// files are written here, from the same manifest: those generators' output (tried: JSX types
// 1.8, Vue integration 1.4) refuses `ref={useRef(null)}` and React's own props in TSX, and
// wraps Vue event types twice under names vue-tsc never matches.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';

const HEADER = '// Generated from custom-elements.json by scripts/framework-types.js.\n';

/** The public elements: tag, class, settable members (attributes by property name) and events. */
function elements(manifest) {
  const found = [];
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      const members = (declaration.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly);
      found.push({
        tag: declaration.tagName,
        className: declaration.name,
        members: members.map((m) => ({ name: m.name, attribute: m.attribute, description: m.description })),
        events: (declaration.events ?? []).map((e) => ({ name: e.name, type: e.type.text, description: e.description })),
      });
    }
  }
  return found.sort((a, b) => a.tag.localeCompare(b.tag));
}

/** The named types the declarations refer to, imported from the package entry. */
function imports(list) {
  const names = new Set();
  for (const element of list) {
    names.add(element.className);
    for (const event of element.events) for (const [name] of event.type.matchAll(/\b[A-Z]\w*Detail\b/g)) names.add(name);
  }
  return `import type { ${[...names].sort().join(', ')} } from '../index.js';\n`;
}

const doc = (text, indent) => (text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\n/g, ' ')} */\n` : '');
const camel = (name) => name.replace(/(^|-)([a-z])/g, (_, _dash, c) => c.toUpperCase());

function reactTypes(list) {
  let out = `${HEADER}import type { DetailedHTMLProps, HTMLAttributes } from 'react';\n${imports(list)}\n`;
  for (const element of list) {
    out += `/** What \`<${element.tag}>\` takes in TSX besides React's own props. */\nexport interface ${element.className}JSXProps {\n`;
    for (const member of element.members) {
      const type = `${element.className}['${member.name}']`;
      if (member.attribute && member.attribute !== member.name) out += `${doc(member.description, '  ')}  '${member.attribute}'?: ${type};\n`;
      out += `${doc(member.description, '  ')}  ${member.name}?: ${type};\n`;
    }
    for (const event of element.events) out += `${doc(event.description, '  ')}  'on${event.name}'?: (event: ${event.type}) => void;\n`;
    out += '}\n\n';
  }
  out += "declare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements {\n";
  for (const element of list) {
    out += `      '${element.tag}': DetailedHTMLProps<HTMLAttributes<${element.className}>, ${element.className}> & ${element.className}JSXProps;\n`;
  }
  return `${out}    }\n  }\n}\n`;
}

function vueTypes(list) {
  let out = `${HEADER}import type { DefineComponent } from 'vue';\n${imports(list)}\n`;
  for (const element of list) {
    out += `/** The props and events of \`<${element.tag}>\` in Vue templates. */\nexport interface ${element.className}VueProps {\n`;
    for (const member of element.members) out += `${doc(member.description, '  ')}  ${member.name}?: ${element.className}['${member.name}'];\n`;
    for (const event of element.events) out += `${doc(event.description, '  ')}  on${camel(event.name)}?: (event: ${event.type}) => void;\n`;
    out += '}\n\n';
  }
  out += "declare module 'vue' {\n  interface GlobalComponents {\n";
  for (const element of list) out += `    '${element.tag}': DefineComponent<${element.className}VueProps>;\n`;
  return `${out}  }\n}\n`;
}

export function writeFrameworkTypes() {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const list = elements(manifest);
  mkdirSync('dist/types', { recursive: true });
  writeFileSync('dist/types/react.d.ts', reactTypes(list));
  writeFileSync('dist/types/vue.d.ts', vueTypes(list));
  const quiet = { hideLogs: true };
  generateVsCodeCustomElementData(manifest, {
    ...quiet,
    outdir: 'dist',
    htmlFileName: 'vscode.html-custom-data.json',
    cssFileName: 'vscode.css-custom-data.json',
  });
  generateJetBrainsWebTypes(manifest, { ...quiet, outdir: 'dist', webTypesFileName: 'web-types.json', modulePathTemplate: (_name, path) => path });
}
