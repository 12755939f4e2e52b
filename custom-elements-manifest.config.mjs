// The custom-elements manifest (custom-elements.json, the package's
// `customElements` entry) and, from it, the element types for React 19 JSX
// and Vue 3 templates. Everything comes from the elements' JSDoc API blocks
// and their Lit properties; the event detail types are named in `@fires`.
//
//   npx cem analyze --config custom-elements-manifest.config.mjs
//
// `npm run build` and `npm run test:types` run it.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';

/**
 * Where a host's TypeScript finds an element's class and its event detail
 * types: the element's registration module, through the package's own
 * `emr-kit/components/*.js` entry point.
 */
const registrationModule = (_className, tag) =>
  `emr-kit/components/${tag.replace(/^emr-/, '')}/${tag}.js`;

/**
 * The kit registers its elements through `defineElement(tag, Class)` (which
 * tolerates a second copy of the kit) rather than `customElements.define`:
 * record each such call as the analyzer records a `customElements.define`.
 */
function defineElementCalls() {
  return {
    name: 'emr-kit: defineElement calls',
    analyzePhase({ ts, node, moduleDoc }) {
      if (
        !ts.isCallExpression(node) ||
        !ts.isIdentifier(node.expression) ||
        node.expression.text !== 'defineElement'
      )
        return;
      const [tag, element] = node.arguments;
      if (!tag || !ts.isStringLiteral(tag) || !element || !ts.isIdentifier(element)) return;
      const imported = node
        .getSourceFile()
        .statements.filter(ts.isImportDeclaration)
        .find((statement) =>
          statement.importClause?.namedBindings?.elements?.some(
            (binding) => binding.name.text === element.text,
          ),
        );
      const module = imported
        ? new URL(imported.moduleSpecifier.text, `file:///${moduleDoc.path}`).pathname.slice(1)
        : moduleDoc.path;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        {
          kind: 'custom-element-definition',
          name: tag.text,
          declaration: { name: element.text, module },
        },
      ];
    },
  };
}

/**
 * The analyzer also lists every `dispatchEvent(new SomeEvent(…))` it sees as
 * an event with a type and no name. The kit names each event, with its
 * detail type, in the element's `@fires`: keep those alone.
 */
function namedEventsOnly() {
  return {
    name: 'emr-kit: named events only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules)
        for (const declaration of module.declarations ?? [])
          if (declaration.events)
            declaration.events = declaration.events.filter((event) => event.name);
    },
  };
}

/**
 * The type generators import each element's event detail types from its
 * registration module, so a type two elements share (`NoteSelectDetail`:
 * the note list and the note editor both fire `emr-note-select`) is imported
 * twice, which TypeScript refuses. Keep its first import only.
 */
function importEachTypeOnce(files) {
  return {
    name: 'emr-kit: import each type once',
    packageLinkPhase() {
      for (const file of files) {
        const seen = new Set();
        const text = readFileSync(file, 'utf8').replace(
          /import type \{([^}]*)\} from ("[^"]+");/g,
          (_statement, names, from) => {
            const kept = names
              .split(',')
              .map((name) => name.trim())
              .filter((name) => name && !seen.has(name));
            for (const name of kept) seen.add(name);
            return `import type { ${kept.join(', ')} } from ${from};`;
          },
        );
        writeFileSync(file, text);
      }
    },
  };
}

const types = {
  outdir: 'dist/types',
  componentTypePath: registrationModule,
  hideLogs: true,
};

export default {
  globs: ['components/**/*.ts'],
  // define-element.ts is the helper itself: its `customElements.define(name, element)` defines no tag.
  exclude: ['**/*.test.ts', '**/*.stories.ts', 'components/shared/define-element.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  quiet: true,
  plugins: [
    defineElementCalls(),
    namedEventsOnly(),
    customElementJsxPlugin({ ...types, fileName: 'jsx.d.ts' }),
    customElementVuejsPlugin({ ...types, fileName: 'vue.d.ts' }),
    importEachTypeOnce([path.join(types.outdir, 'jsx.d.ts'), path.join(types.outdir, 'vue.d.ts')]),
  ],
};
