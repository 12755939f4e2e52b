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

/** Each type imported once: a generator imports a type two elements share twice. */
function importEachTypeOnce(text) {
  const seen = new Set();
  return text.replace(/import type \{([^}]*)\} from ("[^"]+");/g, (_statement, names, from) => {
    const kept = names
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name && !seen.has(name));
    for (const name of kept) seen.add(name);
    return `import type { ${kept.join(', ')} } from ${from};`;
  });
}

/**
 * A Vue template's `@emr-note-select` is typed by the prop
 * `onEmrNoteSelect` (Vue camelizes `on-` + the event's name, in its compiler
 * and in vue-tsc alike); the Vue generator writes `onemr-note-select`, React
 * 19's spelling, which vue-tsc never reads.
 */
function vueEventProps(text) {
  return text.replace(
    /"on(emr-[a-z-]+)"\?:/g,
    (_prop, event) =>
      `on${event.replace(/(^|-)([a-z])/g, (_dash, _start, letter) => letter.toUpperCase())}?:`,
  );
}

/**
 * Two fixes to the generators' output, applied after them:
 * - both import each element's detail types from its registration module,
 *   so `NoteSelectDetail` (the note list and the note editor both fire
 *   `emr-note-select`) is imported twice, which TypeScript refuses;
 * - the Vue generator names event props as React 19 does.
 */
function fixGeneratedTypes({ jsx, vue }) {
  const fix = (file, ...fixes) =>
    writeFileSync(
      file,
      fixes.reduce((text, apply) => apply(text), readFileSync(file, 'utf8')),
    );
  return {
    name: 'emr-kit: fix generated types',
    packageLinkPhase() {
      fix(jsx, importEachTypeOnce);
      fix(vue, importEachTypeOnce, vueEventProps);
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
    fixGeneratedTypes({
      jsx: path.join(types.outdir, 'jsx.d.ts'),
      vue: path.join(types.outdir, 'vue.d.ts'),
    }),
  ],
};
