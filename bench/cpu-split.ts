/**
 * Where the machine's CPU goes while a benchmark runs (Linux `/proc` only): every second, for each
 * Node process whose command line contains one of the patterns, the main thread's time on a core and
 * its time waiting for one (`/proc/<pid>/task/<pid>/schedstat`: run-queue delay), and the whole
 * process's CPU (utime + stime of all its threads: GC helpers, checkpoint workers). A main thread
 * whose on-CPU and waiting times add up to ~1,000 ms a second wants a core all the time; if it waits
 * long, the cores are shared with too much else, whatever the code costs.
 *
 *   node -r @swc-node/register bench/cpu-split.ts <seconds> <pattern>...
 *   e.g. … bench/cpu-split.ts 80 api/src/main.ts projector/src/main.ts bench/lag.ts
 *
 * Prints one line a second, then (after <seconds>, or when stopped with SIGTERM / SIGINT) the medians
 * over the seconds in which every one of the processes used at least 50 ms of CPU (the load running,
 * not start-up or set-up).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { median } from './stats';

const TICKS_PER_SECOND = 100; // USER_HZ: utime/stime in /proc are counted in these
const BUSY_MS = 50;

interface Sample {
  onCpuMs: number;
  waitMs: number;
  processCpuMs: number;
}

function findProcess(pattern: string): string | undefined {
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (/(^|\/)node /.test(cmd) && cmd.includes(pattern)) return pid;
    } catch {
      // gone between the listing and the read
    }
  }
  return undefined;
}

function sample(pid: string): Sample | undefined {
  try {
    const [onCpuNs, waitNs] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ').map(Number);
    let ticks = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    }
    return { onCpuMs: onCpuNs / 1e6, waitMs: waitNs / 1e6, processCpuMs: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const [seconds, ...patterns] = process.argv.slice(2);
  const previous = new Map<string, Sample & { at: number }>();
  const found = new Map<string, string>();
  const rows: Sample[][] = [];
  const summarise = () => {
    const summary = patterns.map((pattern, i) => {
      const m = (f: (x: Sample) => number) => (rows.length ? median(rows.map((r) => f(r[i]))).toFixed(0) : '-');
      return `${pattern}: main on CPU ${m((x) => x.onCpuMs)} ms/s, waiting for a core ${m((x) => x.waitMs)} ms/s, process ${m((x) => x.processCpuMs)} ms/s`;
    });
    process.stdout.write(`medians over the ${rows.length} s all were busy: ${summary.join(' | ')}\n`);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => (summarise(), process.exit(0)));
  for (let s = 0; s < Number(seconds); s++) {
    const row = patterns.map((pattern) => {
      // The process found earlier, while it lives: scanning every command line in /proc each second
      // is work on the machine being measured.
      let pid = found.get(pattern);
      let taken = pid ? sample(pid) : undefined;
      if (!taken) {
        pid = findProcess(pattern);
        taken = pid ? sample(pid) : undefined;
        if (pid) found.set(pattern, pid);
      }
      const now = taken && { ...taken, at: performance.now() };
      const before = pid ? previous.get(pid) : undefined;
      if (pid && now) previous.set(pid, now);
      if (!now || !before) return undefined;
      const perSecond = 1000 / (now.at - before.at); // the interval is a second plus the time the scan took
      return {
        onCpuMs: (now.onCpuMs - before.onCpuMs) * perSecond,
        waitMs: (now.waitMs - before.waitMs) * perSecond,
        processCpuMs: (now.processCpuMs - before.processCpuMs) * perSecond,
      };
    });
    const cells = row.map((d, i) => `${patterns[i]}: ${d ? `main ${d.onCpuMs.toFixed(0)} + wait ${d.waitMs.toFixed(0)} ms, process ${d.processCpuMs.toFixed(0)} ms` : '-'}`);
    process.stdout.write(`${new Date().toISOString().slice(11, 19)}  ${cells.join(' | ')}\n`);
    if (row.every((d) => d !== undefined && d.processCpuMs >= BUSY_MS)) rows.push(row as Sample[]);
    await new Promise((r) => setTimeout(r, 1000));
  }
  summarise();
}

void main();
