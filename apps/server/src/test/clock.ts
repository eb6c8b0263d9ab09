/** A clock tests move by hand: sessions, lockouts and deadlines read it instead of Date.now. */
export interface TestClock {
  now: () => Date;
  set(instant: Date | string): void;
  advance(ms: number): void;
  advanceMinutes(minutes: number): void;
}

export function testClock(start: Date | string = new Date()): TestClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (instant) => { current = new Date(instant).getTime(); },
    advance: (ms) => { current += ms; },
    advanceMinutes: (minutes) => { current += minutes * 60_000; },
  };
}
