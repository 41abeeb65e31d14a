/**
 * The top frames of a V8 CPU profile (`node --cpu-prof`): self time per function and per source file
 * or package, so a missed goal can be traced to its cause.
 * `node -r @swc-node/register bench/profile-top.ts <file.cpuprofile> [n] [from s] [to s]`
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: the package for node_modules, the repository path otherwise. */
function origin(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const repo = /\/(apps|libs|bench)\/(.*)$/.exec(url);
  return repo ? `${repo[1]}/${repo[2]}` : url || '(native)';
}

const frameOf = ({ callFrame: { functionName, url, lineNumber } }: ProfileNode) =>
  `${functionName || '(anonymous)'} ${origin(url)}:${lineNumber + 1}`;

/** Seconds from the profile's start; samples outside are left out (e.g. the start-up catch-up). */
export interface Window {
  from: number;
  to: number;
}

export function topFrames(profile: Profile, n = 25, window: Window = { from: 0, to: Infinity }): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfByFrame = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const selfByOrigin = new Map<string, number>();
  let total = 0;
  let at = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (!node || at < window.from * 1e6 || at > window.to * 1e6) return;
    total += dt;
    const { url } = node.callFrame;
    const frame = frameOf(node);
    selfByFrame.set(frame, (selfByFrame.get(frame) ?? 0) + dt);
    selfByOrigin.set(origin(url), (selfByOrigin.get(origin(url)) ?? 0) + dt);
    // Inclusive: every distinct frame on the (synchronous) stack of the sample.
    const seen = new Set<string>();
    for (let up: number | undefined = id; up !== undefined; up = parent.get(up)) seen.add(frameOf(byId.get(up)!));
    for (const f of seen) inclusive.set(f, (inclusive.get(f) ?? 0) + dt);
  });
  const top = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
  return [
    `total ${(total / 1e6).toFixed(1)} s sampled`,
    '-- self time by function',
    ...top(selfByFrame),
    '-- self time by file / package',
    ...top(selfByOrigin),
    '-- inclusive time by function (synchronous stacks; async continuations start new stacks)',
    ...top(inclusive),
  ];
}

if (require.main === module) {
  const profile = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Profile;
  const [n = '25', from = '0', to = 'Infinity'] = process.argv.slice(3);
  for (const line of topFrames(profile, Number(n), { from: Number(from), to: Number(to) })) process.stdout.write(`${line}\n`);
}
