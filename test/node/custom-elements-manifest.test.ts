// The custom-elements manifest (package.json's `customElements`), as the
// build writes it, against the sources: every element registered in a
// components/**/emr-*.ts file is there with the attributes and properties its
// @property fields declare, the events it dispatches (named by their
// classes' `eventName`, typed by their detail), the --emr-<element>-*
// custom properties its styles read and the parts its templates name, each
// described. And every event in it, instantiated, says what it says in
// `detail`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { KitDetailEvent } from '../../components/shared/kit-event.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

interface Described {
  name: string;
  description?: string;
}
interface ManifestElement {
  name: string;
  tagName: string;
  attributes?: Array<Described & { fieldName?: string }>;
  members?: Array<Described & { kind: string; privacy?: string; static?: boolean }>;
  events?: Array<Described & { type?: { text: string } }>;
  cssProperties?: Described[];
  cssParts?: Described[];
}
interface Manifest {
  modules: Array<{ path: string; declarations?: ManifestElement[] }>;
}

let manifest: Manifest;
let elements: Map<string, ManifestElement & { module: string }>;
let sourceFiles: string[];

const read = (file: string) => readFile(path.join(root, file), 'utf8');
const parse = async (file: string) =>
  ts.createSourceFile(file, await read(file), ts.ScriptTarget.ES2022, true);
const names = (list: Described[] | undefined) => (list ?? []).map((item) => item.name).sort();

before(async () => {
  await run(
    process.execPath,
    [
      path.join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'),
      'analyze',
      '--config',
      'custom-elements-manifest.config.mjs',
    ],
    { cwd: root },
  );
  const { customElements } = JSON.parse(await read('package.json')) as { customElements: string };
  manifest = JSON.parse(await read(customElements)) as Manifest;
  elements = new Map(
    manifest.modules.flatMap((module) =>
      (module.declarations ?? [])
        .filter((declaration) => declaration.tagName)
        .map((declaration) => [declaration.tagName, { ...declaration, module: module.path }]),
    ),
  );
  sourceFiles = (await readdir(path.join(root, 'components'), { recursive: true }))
    .map((name) => path.join('components', name))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
});

/** `defineElement('emr-x', EmrX)` in each registration file: tag → class. */
async function registrations(): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const file of sourceFiles.filter((name) => /\/emr-[a-z-]+\.ts$/.test(name))) {
    for (const [, tag, className] of (await read(file)).matchAll(
      /defineElement\(\s*'([a-z-]+)',\s*(\w+)\s*\)/g,
    ))
      found.set(tag!, className!);
  }
  return found;
}

/** The @property fields of an element class: name and attribute (none for `attribute: false`). */
async function declaredProperties(file: string, className: string) {
  const source = await parse(file);
  const declared: Array<{ name: string; attribute: string | undefined }> = [];
  const visit = (node: ts.Node) => {
    if (ts.isClassDeclaration(node) && node.name?.text === className) {
      for (const member of node.members) {
        if (!ts.isPropertyDeclaration(member) || !ts.isIdentifier(member.name)) continue;
        const property = ts
          .getDecorators(member)
          ?.map((decorator) => decorator.expression)
          .find(
            (call): call is ts.CallExpression =>
              ts.isCallExpression(call) &&
              ts.isIdentifier(call.expression) &&
              call.expression.text === 'property',
          );
        if (!property) continue;
        const options = property.arguments[0];
        const attribute =
          options && ts.isObjectLiteralExpression(options)
            ? options.properties
                .filter(ts.isPropertyAssignment)
                .find((option) => option.name.getText() === 'attribute')?.initializer
            : undefined;
        const name = member.name.text;
        declared.push({
          name,
          attribute: !attribute
            ? name.toLowerCase()
            : ts.isStringLiteral(attribute)
              ? attribute.text
              : attribute.kind === ts.SyntaxKind.FalseKeyword
                ? undefined
                : name.toLowerCase(),
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return declared;
}

/** Every event class of the kit (the `*.events.ts` files): class name → event name and detail type. */
async function eventClasses() {
  const found = new Map<string, { eventName: string; detail: string }>();
  for (const file of sourceFiles.filter((name) => name.endsWith('.events.ts'))) {
    const source = await parse(file);
    for (const statement of source.statements) {
      if (!ts.isClassDeclaration(statement) || !statement.name) continue;
      const eventName = statement.members
        .filter(ts.isPropertyDeclaration)
        .find((member) => member.name.getText() === 'eventName')?.initializer;
      const base = statement.heritageClauses?.[0]?.types[0];
      assert.ok(
        eventName && ts.isStringLiteral(eventName),
        `${statement.name.text} (${file}) has a static eventName`,
      );
      assert.equal(
        base?.expression.getText(),
        'KitDetailEvent',
        `${statement.name.text} (${file}) extends KitDetailEvent`,
      );
      found.set(statement.name.text, {
        eventName: eventName.text,
        detail: base!.typeArguments![0]!.getText(),
      });
    }
  }
  return found;
}

/** An event class of the kit, as its module exports it. */
type EventClass = (new (detail: never) => Event) & { eventName: string };
const isEventClass = (value: unknown): value is EventClass =>
  typeof value === 'function' && 'eventName' in value && typeof value.eventName === 'string';

/** The files of the element's own folder: its class, templates, controllers and styles. */
const folderOf = (module: string) =>
  sourceFiles.filter((file) => path.dirname(file) === path.dirname(module));
const folderText = async (module: string) =>
  (await Promise.all(folderOf(module).map(read))).join('\n');

describe('the custom-elements manifest', () => {
  test('has every element registered in components/**/emr-*.ts, by tag and class', async () => {
    const registered = await registrations();
    assert.ok(registered.size >= 9, `registrations found: ${[...registered.keys()].join(', ')}`);
    assert.deepEqual(
      [...elements.values()].map((element) => [element.tagName, element.name]).sort(),
      [...registered].sort(),
    );
  });

  test("has each element's attributes and properties as its @property fields declare them", async () => {
    for (const element of elements.values()) {
      const declared = await declaredProperties(element.module, element.name);
      assert.ok(declared.length > 0, `${element.tagName}: no @property fields found`);
      assert.deepEqual(
        (element.attributes ?? []).map((attribute) => [attribute.name, attribute.fieldName]).sort(),
        declared
          .filter((property) => property.attribute)
          .map((property) => [property.attribute, property.name])
          .sort(),
        `${element.tagName}: attributes`,
      );
      const fields = new Set(
        (element.members ?? [])
          .filter((member) => member.kind === 'field' && member.privacy !== 'private')
          .map((member) => member.name),
      );
      for (const property of declared)
        assert.ok(fields.has(property.name), `${element.tagName}: property ${property.name}`);
    }
  });

  test('has the events each element dispatches, named and typed by their detail', async () => {
    const classes = await eventClasses();
    for (const element of elements.values()) {
      const dispatched = [
        ...new Set(
          [...(await folderText(element.module)).matchAll(/new (Emr\w+Event)\(/g)].map(
            ([, name]) => name!,
          ),
        ),
      ].map((name) => {
        const event = classes.get(name);
        assert.ok(event, `${element.tagName} dispatches ${name}, which no *.events.ts declares`);
        return [event.eventName, event.detail];
      });
      assert.deepEqual(
        (element.events ?? []).map((event) => [event.name, event.type?.text]).sort(),
        dispatched.sort(),
        `${element.tagName}: events`,
      );
    }
  });

  test("has the --emr-<element>-* custom properties each element's styles read, and the parts its templates name", async () => {
    for (const element of elements.values()) {
      const text = await folderText(element.module);
      const prefix = `--emr-${element.tagName.replace(/^emr-/, '')}-`;
      const read = new Set(
        [...text.matchAll(/var\(\s*(--emr-[\w-]+)/g)]
          .map(([, name]) => name!)
          .filter((name) => name.startsWith(prefix)),
      );
      const parts = new Set([...text.matchAll(/\bpart="([\w-]+)"/g)].map(([, name]) => name!));
      assert.deepEqual(names(element.cssProperties), [...read].sort(), `${element.tagName}: CSS`);
      assert.deepEqual(names(element.cssParts), [...parts].sort(), `${element.tagName}: parts`);
    }
  });

  test('describes every element, attribute, public property, event, custom property and part', () => {
    const undescribed: string[] = [];
    for (const element of elements.values()) {
      const check = (kind: string, list: Described[] | undefined) => {
        for (const item of list ?? [])
          if (!item.description?.trim())
            undescribed.push(`${element.tagName} ${kind} ${item.name}`);
      };
      check('attribute', element.attributes);
      check(
        'property',
        element.members?.filter(
          (member) => member.kind === 'field' && member.privacy !== 'private' && !member.static,
        ),
      );
      check('event', element.events);
      check('CSS property', element.cssProperties);
      check('part', element.cssParts);
    }
    assert.deepEqual(undescribed, []);
  });

  test('every event in it carries its detail, bubbles and crosses shadow roots', async () => {
    const exported = new Map<string, EventClass>();
    for (const file of sourceFiles.filter((name) => name.endsWith('.events.ts'))) {
      const module = (await import(path.join(root, file))) as Record<string, unknown>;
      for (const value of Object.values(module))
        if (isEventClass(value)) exported.set(value.eventName, value);
    }
    const events = [...elements.values()].flatMap((element) =>
      (element.events ?? []).map((event) => ({ element: element.tagName, ...event })),
    );
    assert.ok(events.length >= 13, `events in the manifest: ${events.length}`);
    for (const { element, name, description } of events) {
      const EventClass = exported.get(name);
      assert.ok(EventClass, `${element}: no event class for ${name}`);
      const detail = { probe: name };
      const event = new EventClass(detail as never);
      assert.ok(event instanceof KitDetailEvent, `${name} is a KitDetailEvent`);
      assert.equal(event.type, name);
      assert.deepEqual(
        { ...(event as KitDetailEvent<object>).detail, status: undefined },
        { ...detail, status: undefined },
        `${name} carries its detail`,
      );
      assert.ok(event.bubbles && event.composed, `${name} bubbles and is composed`);
      assert.equal(
        event.cancelable,
        /\bCancelable\b/.test(description ?? ''),
        `${name}: cancelable exactly when its description says so`,
      );
    }
  });
});
