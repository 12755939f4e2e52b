// Renders every story of a built Storybook in headless Chromium and fails
// when one throws, shows Storybook's error display, logs an error, or has an
// axe violation. The build alone catches only stories that do not compile.
//
//   node scripts/check-stories.mjs [storybook-output-dir]

/* global document, window -- the page.evaluate callbacks run in the browser */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { preview } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const outDir = path.resolve(process.argv[2] ?? '.storybook-out');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const index = JSON.parse(await readFile(path.join(outDir, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');

const server = await preview({
  configFile: false,
  logLevel: 'silent',
  build: { outDir },
  preview: { host: '127.0.0.1', port: 0 },
});
const base = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: chromiumArgs.filter((arg) => arg !== '--headless'),
});

let failed = 0;
try {
  for (const story of stories) {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      // The browser asks for /favicon.ico by itself; the story's iframe has none.
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) {
        problems.push(message.text());
      }
    });
    // Storybook marks the body once the story has rendered or failed. On a
    // loaded machine the first load of a page can stall: one more try.
    const open = async () => {
      await page.goto(`${base}iframe.html?id=${story.id}&viewMode=story`);
      return page
        .waitForFunction(
          () =>
            ['sb-show-main', 'sb-show-errordisplay'].some((c) =>
              document.body.classList.contains(c),
            ),
          undefined,
          { timeout: 30_000 },
        )
        .then(
          () => true,
          () => false,
        );
    };
    const shown = (await open()) || (await open());
    if (!shown) {
      problems.push('the story neither rendered nor failed within 30 s, twice');
    } else if (
      await page.evaluate(() => document.body.classList.contains('sb-show-errordisplay'))
    ) {
      problems.push((await page.textContent('#error-message')) ?? 'Storybook error display');
    } else {
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        // axe is the global the script tag above defines.
        const { violations } = await window.axe.run('#storybook-root');
        return violations.map((v) => `axe ${v.id}: ${v.help} (${v.nodes.length} nodes)`);
      });
      problems.push(...violations);
    }
    await page.close();
    if (problems.length) {
      failed++;
      console.error(`✗ ${story.title} › ${story.name}\n    ${problems.join('\n    ')}`);
    }
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}

console.log(`stories: ${stories.length - failed} rendered cleanly, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
