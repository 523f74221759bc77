/** Progress reporting: a cli-progress bar on a terminal, a few plain lines otherwise (CI, docker logs). */
import { SingleBar } from 'cli-progress';

export interface Progress {
  start(total: number): void;
  update(done: number, docs: number): void;
  stop(): void;
}

export interface ProgressTarget {
  isTTY?: boolean;
  write(text: string): unknown;
}

export function createProgress(label: string, target: ProgressTarget, enabled: boolean): Progress {
  if (!enabled) {
    return { start: () => undefined, update: () => undefined, stop: () => undefined };
  }
  if (target.isTTY) {
    const bar = new SingleBar({
      format: `${label} |{bar}| {percentage}% | {value}/{total} min | {docs} docs | ETA {eta_formatted}`,
      stream: target as NodeJS.WritableStream,
      hideCursor: true,
      clearOnComplete: false,
    });
    return {
      start: (total) => bar.start(total, 0, { docs: 0 }),
      update: (done, docs) => bar.update(done, { docs }),
      stop: () => bar.stop(),
    };
  }
  // Not a terminal: one line per 10 %.
  let total = 0;
  let lastTenth = -1;
  return {
    start: (t) => {
      total = t;
      lastTenth = -1;
    },
    update: (done, docs) => {
      const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (tenth > lastTenth) {
        lastTenth = tenth;
        target.write(`${label}: ${Math.min(100, tenth * 10)}% (${done}/${total} min, ${docs} docs)\n`);
      }
    },
    stop: () => undefined,
  };
}
