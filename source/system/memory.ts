import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | undefined;

/**
 * Runs a full garbage collection now. A 30 MB file passes through several 60 MB copies
 * (bytes, decoded text, joined text); V8 collects the old one only when it chooses, so the
 * peak held all of them at once. Collecting between copies keeps the peak near two.
 */
export function collectGarbage(): void {
  if (!collect) {
    // Node exposes gc() only under --expose-gc; the flag can be set at run time and then
    // read from a fresh context. Where that fails, V8 collects on its own, later.
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    } catch {
      collect = () => undefined;
    }
  }
  collect();
  residentAfterCollecting = process.memoryUsage.rss();
}

/** Resident memory when garbage was last collected here. */
let residentAfterCollecting = 0;

/**
 * Collects garbage when resident memory has grown by `growth` bytes since the last time:
 * laying out a 30 MB book makes garbage faster than V8 chooses to collect it, and with the
 * book's text on the heap it lets the heap grow by half again before it does.
 */
export function collectGarbageIfGrown(growth: number): void {
  const resident = process.memoryUsage.rss();
  if (resident - residentAfterCollecting >= growth) collectGarbage();
}
