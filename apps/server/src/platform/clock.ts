import fs from 'node:fs';

/**
 * The platform's clock: the system clock. For end-to-end tests only, ANJIAN_CLOCK_OFFSET_FILE
 * names a file holding a number of milliseconds to add — re-read at most every 250 ms — so a
 * test can let days pass for a running server (deadlines fall due, sessions time out) without
 * touching the machine's clock. Unset, it costs nothing.
 */
export function createClock(env: NodeJS.ProcessEnv = process.env): () => Date {
  const file = env.ANJIAN_CLOCK_OFFSET_FILE;
  if (!file) return () => new Date();
  let offset = 0;
  let checkedAt = 0;
  return () => {
    const real = Date.now();
    if (real - checkedAt > 250) {
      checkedAt = real;
      try {
        const value = Number(fs.readFileSync(file, 'utf8').trim());
        offset = Number.isFinite(value) ? value : 0;
      } catch {
        offset = 0;
      }
    }
    return new Date(real + offset);
  };
}
