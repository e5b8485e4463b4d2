// What every bench report says about the machine it ran on.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { ROOT } from './targets.ts';

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  } catch {
    return 'unknown';
  }
}

/** Node, CPUs, memory, platform and the commit measured. */
export function machineEnvironment(): Record<string, string | number> {
  return {
    node: process.version,
    cpus: `${os.cpus().length} x ${os.cpus()[0]?.model ?? '?'}`,
    memoryGb: Math.round(os.totalmem() / 1e9),
    platform: `${os.platform()} ${os.release()}`,
    commit: gitCommit(),
  };
}
