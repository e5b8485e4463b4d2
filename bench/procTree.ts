// CPU time of a process and all its descendants (e.g. Chromium and its renderers), and of the whole machine, from /proc.
import fs from 'node:fs';
import { sampleSystem, type SystemSample } from './procStats.ts';

export interface TreeSample {
  /** user + system CPU of the tree's processes alive now, in milliseconds. */
  treeCpuMs: Map<number, number>;
  system: SystemSample;
}

function readStat(pid: number): { ppid: number; cpuMs: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * 10 };
  } catch {
    // The process ended between listing and reading.
    return undefined;
  }
}

/** CPU per process of the trees rooted at `roots` (pids), with a whole-machine sample. */
export function sampleTree(roots: number[]): TreeSample {
  const stats = new Map<number, { ppid: number; cpuMs: number }>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) stats.set(Number(name), stat);
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; hops++) {
      if (roots.includes(p)) return true;
      p = stats.get(p)?.ppid ?? 0;
    }
    return false;
  };
  const treeCpuMs = new Map<number, number>();
  for (const [pid, stat] of stats) if (inTree(pid)) treeCpuMs.set(pid, stat.cpuMs);
  return { treeCpuMs, system: sampleSystem() };
}

/**
 * Cores used between two samples: by the trees (processes present in both samples, so short-lived ones are
 * missed), and by everything else on the machine.
 */
export function treeLoad(from: TreeSample, to: TreeSample): { treeCores: number; otherCores: number } {
  const wall = to.system.at - from.system.at;
  if (wall <= 0) return { treeCores: 0, otherCores: 0 };
  let tree = 0;
  for (const [pid, cpu] of to.treeCpuMs) tree += cpu - (from.treeCpuMs.get(pid) ?? cpu);
  const busy = to.system.busyMs - from.system.busyMs + (to.system.stealMs - from.system.stealMs);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { treeCores: round(tree / wall), otherCores: round(Math.max(0, busy - tree) / wall) };
}
