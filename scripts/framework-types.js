// Editor and framework types, generated from custom-elements.json by the custom-elements-manifest
// ecosystem's generators, into dist/ (called by scripts/build.js):
//   dist/types/jsx.d.ts        JSX IntrinsicElements for React 19 (attributes, properties, events)
//   dist/types/vue.d.ts        Vue's GlobalComponents
//   dist/vscode.html-custom-data.json, dist/vscode.css-custom-data.json   VS Code completion
//   dist/web-types.json        JetBrains completion
import { readFileSync } from 'node:fs';
import { generateJsxTypes } from '@wc-toolkit/jsx-types';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';

export function writeFrameworkTypes() {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  const quiet = { hideLogs: true };
  generateJsxTypes(manifest, {
    ...quiet,
    outdir: 'dist/types',
    fileName: 'jsx.d.ts',
    // Relative to the generated file: the package entry, which exports every element class.
    globalTypePath: '../index.js',
    stronglyTypedEvents: true,
  });
  generateVuejsTypes(manifest, { ...quiet, outdir: 'dist/types', fileName: 'vue.d.ts', globalTypePath: '../index.js' });
  generateVsCodeCustomElementData(manifest, {
    ...quiet,
    outdir: 'dist',
    htmlFileName: 'vscode.html-custom-data.json',
    cssFileName: 'vscode.css-custom-data.json',
  });
  generateJetBrainsWebTypes(manifest, {
    ...quiet,
    outdir: 'dist',
    webTypesFileName: 'web-types.json',
    modulePathTemplate: (_name, modulePath) => modulePath,
  });
}
