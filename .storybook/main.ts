import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // No telemetry: the build then makes no network calls at all.
  core: { disableTelemetry: true },
  // Storybook's own preview runtime is one chunk of about 0.9 MB; not ours to split.
  viteFinal: (config) => mergeConfig(config, { build: { chunkSizeWarningLimit: 1500 } }),
};

export default config;
