// Reads a process's CPU time and resident memory from /proc (Linux), for server children and the bench itself.
import fs from 'node:fs';

export interface ProcSample {
  /** user + system CPU time, in milliseconds. */
  cpuMs: number;
  rssBytes: number;
  at: number;
}

/** One sample of `pid`; CPU from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 1/100 s). */
export function sampleProc(pid: number, now: () => number = performance.now.bind(performance)): ProcSample {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces; the fields we need come after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { cpuMs: ticks * 10, rssBytes: rssKb * 1024, at: now() };
}

/** CPU used between two samples, as a share of one core (1.0 = one core busy). */
export function cpuShare(from: ProcSample, to: ProcSample): number {
  const wall = to.at - from.at;
  return wall > 0 ? (to.cpuMs - from.cpuMs) / wall : 0;
}

export interface SystemSample {
  /** CPU time of every process on the machine (all cores), in milliseconds. */
  busyMs: number;
  /** Time the hypervisor ran someone else on our cores (a VM's "steal"). */
  stealMs: number;
  at: number;
}

/** Whole-machine CPU use from /proc/stat, to tell a quiet run from one that shared the cores with other work. */
export function sampleSystem(now: () => number = performance.now.bind(performance)): SystemSample {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number) as number[];
  return {
    busyMs: ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0)) * 10,
    stealMs: (steal ?? 0) * 10,
    at: now(),
  };
}

/**
 * Resolves once the whole machine has used less than `cores` of CPU over one `windowMs` window, or after `maxMs`.
 * Returns how long it waited. A closed browser context goes on costing CPU after `close()` resolves (its renderer
 * exits, the kernel reclaims its memory): a cold join started then measures that teardown as well.
 */
export async function untilQuiet(cores = 0.3, windowMs = 250, maxMs = 5000): Promise<number> {
  const started = performance.now();
  let from = sampleSystem();
  while (performance.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const to = sampleSystem();
    if ((to.busyMs - from.busyMs) / (to.at - from.at) < cores) break;
    from = to;
  }
  return Math.round(performance.now() - started);
}
