import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright';

// BENCH_CPU_PROFILE=1: a CPU profile of the page's main thread during the first sync, through the
// Chrome DevTools Protocol. Writes the .cpuprofile (open it in DevTools) and prints where the
// time went by self time. IndexedDB work runs in the browser process: it shows here as idle.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export async function startProfile(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async stop(label: string): Promise<void> {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      const file = path.join(tmpdir(), `${label}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      process.stderr.write(`${summarize(profile)}\nprofile written to ${file}\n`);
    },
  };
}

function summarize(profile: Profile, top = 30): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const f = byId.get(id)?.callFrame;
    const key = f ? `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}` : '?';
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  const lines = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `CPU profile: ${(total / 1e6).toFixed(1)} s sampled`,
    ...lines.map(
      ([k, us]) =>
        `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`,
    ),
  ].join('\n');
}
