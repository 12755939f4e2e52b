import type { StorybookConfig } from '@storybook/web-components-vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vite';

// The Synthea bundles beside the repository (or EMR_FIXTURES_DIR), which
// stories import into a real local store.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixturesDir = path.resolve(
  process.env.EMR_FIXTURES_DIR ?? path.join(repoRoot, '../shared/fixtures'),
);

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  staticDirs: [{ from: fixturesDir, to: '/fixtures' }],
  // No telemetry: the build then makes no network calls at all.
  core: { disableTelemetry: true },
  // Storybook's own preview runtime is one chunk of about 0.9 MB; not ours to split.
  viteFinal: (config) => mergeConfig(config, { build: { chunkSizeWarningLimit: 1500 } }),
};

export default config;
