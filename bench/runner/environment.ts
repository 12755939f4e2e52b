// The machine a figure was measured on, stored with every result.
import os from 'node:os';

export interface Environment {
  cores: number;
  cpu: string;
  platform: string;
  node: string;
  chromium?: string;
  /** One-minute load average when the run began: high means noisy figures. */
  load: number;
  date: string;
}

const startLoad = os.loadavg()[0]!;

/** A warning when other work competes for the cores, else undefined. */
export function busyWarning(): string | undefined {
  const cores = os.availableParallelism();
  if (startLoad <= cores * 0.75) return undefined;
  return `the machine is busy (load ${startLoad.toFixed(1)} on ${cores} cores): expect noisy figures`;
}

export function describeEnvironment(chromium?: string): Environment {
  const env: Environment = {
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    platform: `${os.platform()} ${os.arch()}`,
    node: process.version,
    load: Number(startLoad.toFixed(2)),
    date: new Date().toISOString(),
  };
  if (chromium) env.chromium = chromium;
  return env;
}

export function environmentLine(env: Environment): string {
  const browser = env.chromium ? `headless Chromium ${env.chromium}, ` : '';
  return `${env.cores} cores, ${browser}node ${env.node.replace(/^v/, '')}`;
}
