// What the React and Vue hosts of test/e2e/hosts need to run in the browser
// tests, served as ES modules:
// - the package's own entry points (`emr-kit/components/…`, `emr-kit/model`)
//   lead to the sources, as the hosts' tsconfig paths do;
// - React, which npm ships as CommonJS only, bundled once by esbuild into one
//   ES module, with a module per entry point that re-exports its names (one
//   copy of React for react, react-dom/client and react/jsx-runtime);
// - Vue as its self-contained browser build, and `.vue` single-file
//   components compiled by Vue's own compiler, `emr-*` tags left to the kit;
// - a relative `./x.js` import of a `./x.tsx` file, as TypeScript resolves it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const REACT_ENTRIES = {
  react: 'React',
  'react-dom': 'ReactDOM',
  'react-dom/client': 'ReactDOMClient',
  'react/jsx-runtime': 'JsxRuntime',
};
const reactUrl = (entry) => `/@react/${entry.replace(/\//g, '__')}.js`;

/** @returns a web-test-runner plugin */
export function hostFrameworksPlugin({ rootDir }) {
  const vueUrl =
    '/' +
    path
      .relative(rootDir, require.resolve('vue/dist/vue.runtime.esm-browser.js'))
      .split(path.sep)
      .join('/');
  let reactBundle;
  let reactNames;

  /** The names each React entry point exports, read in a Node process of their own (React's development build reaches for the console as it loads). */
  function namesOf(entry) {
    reactNames ??= JSON.parse(
      execFileSync(
        process.execPath,
        [
          '-e',
          `const entries = ${JSON.stringify(Object.keys(REACT_ENTRIES))};
console.log(JSON.stringify(Object.fromEntries(entries.map((e) => [e, Object.keys(require(e))]))));`,
        ],
        { cwd: rootDir, encoding: 'utf8' },
      ),
    );
    return reactNames[entry].filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  }

  async function bundleReact() {
    const { build } = await import('esbuild');
    const entries = Object.entries(REACT_ENTRIES);
    const result = await build({
      stdin: {
        contents:
          entries.map(([entry, name]) => `import ${name} from '${entry}';`).join('\n') +
          `\nexport { ${entries.map(([, name]) => name).join(', ')} };`,
        resolveDir: rootDir,
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      define: { 'process.env.NODE_ENV': '"development"' },
      write: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0].text;
  }

  return {
    name: 'host-frameworks',
    resolveImport({ source, context }) {
      const kit = /^emr-kit\/(components\/.+)\.js$/.exec(source);
      if (kit) return `/${kit[1]}.ts`;
      if (source === 'emr-kit/model') return '/model/index.ts';
      if (source in REACT_ENTRIES) return reactUrl(source);
      if (source === 'vue') return vueUrl;
      if (source.startsWith('.') && source.endsWith('.js')) {
        const tsx = source.replace(/\.js$/, '.tsx');
        const importer = path.join(rootDir, path.dirname(context.path));
        if (existsSync(path.join(importer, tsx))) return tsx;
      }
    },
    resolveMimeType(context) {
      if (context.path.endsWith('.vue')) return 'js';
    },
    async serve(context) {
      if (context.path === '/@react/bundle.js') {
        reactBundle ??= bundleReact();
        return { body: await reactBundle, type: 'js' };
      }
      const entry = Object.keys(REACT_ENTRIES).find((name) => context.path === reactUrl(name));
      if (entry) {
        const names = namesOf(entry);
        const module = REACT_ENTRIES[entry];
        return {
          body: `import { ${module} } from '/@react/bundle.js';
export default ${module};
export const { ${names.join(', ')} } = ${module};
`,
          type: 'js',
        };
      }
      if (context.path.endsWith('.vue')) {
        const { parse, compileScript } = await import('@vue/compiler-sfc');
        const { transform } = await import('esbuild');
        const file = path.join(rootDir, context.path);
        // `emr-` tags are the kit's custom elements, not Vue components: the
        // parser decides which is which, and the template compiler again.
        const isCustomElement = (tag) => tag.startsWith('emr-');
        const { descriptor, errors } = parse(await readFile(file, 'utf8'), {
          filename: file,
          templateParseOptions: { isCustomElement },
        });
        if (errors.length) throw errors[0];
        const script = compileScript(descriptor, {
          id: context.path,
          inlineTemplate: true,
          templateOptions: {
            compilerOptions: { isCustomElement },
          },
        });
        const { code } = await transform(script.content, { loader: 'ts', target: 'es2022' });
        return { body: code, type: 'js' };
      }
    },
  };
}
