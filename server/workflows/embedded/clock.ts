import { parseDuration } from "./durations";

/** Every time the executor uses comes from its clock, so tests can move it. */
export interface TClock {
  now(): Date;
  readonly virtual: boolean;
}

export const realClock: TClock = { now: () => new Date(), virtual: false };

export class VirtualClock implements TClock {
  readonly virtual = true;
  private ms: number;

  constructor(start: Date = new Date()) {
    this.ms = start.getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  set(to: Date): void {
    if (to.getTime() > this.ms) this.ms = to.getTime();
  }

  add(duration: string | number): Date {
    this.ms += typeof duration === "number" ? duration : parseDuration(duration);
    return this.now();
  }
}

/**
 * The app's clock in embedded mode: real time plus an offset that only grows. Moving it
 * forward (time travel, for demos and end-to-end tests) makes due sleeps and timeouts fire.
 */
export class ShiftableClock implements TClock {
  readonly virtual = false;
  private offsetMs = 0;
  /** When (real time) each shift happened and the offset from then on: times stored in real time read on this clock. */
  private shifts: { at: number; offset: number }[] = [];

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** The offset this clock had at a real time (0 before the first shift). */
  offsetAt(real: Date | string | number): number {
    const t = new Date(real).getTime();
    return this.shifts.findLast((s) => s.at <= t)?.offset ?? 0;
  }

  shift(duration: string | number): Date {
    this.offsetMs += typeof duration === "number" ? duration : parseDuration(duration);
    this.shifts.push({ at: Date.now(), offset: this.offsetMs });
    return this.now();
  }
}

const clockKey = Symbol.for("parcours.workflows.clock");
const holder = globalThis as typeof globalThis & { [clockKey]?: ShiftableClock };

/** The one clock of the app process (survives dev reloads). */
export function appClock(): ShiftableClock {
  return (holder[clockKey] ??= new ShiftableClock());
}

const workflowClockKey = Symbol.for("parcours.workflows.currentClock");
const current = globalThis as typeof globalThis & { [workflowClockKey]?: TClock };

/** The clock the process's embedded executor runs on (a virtual one in tests, the app's with time travel). */
export function setWorkflowClock(clock: TClock): void {
  current[workflowClockKey] = clock;
}

/**
 * "Now" for work that plans a sleep (a journey's wait target): the executor's clock, so a
 * target is on the same time line as the sleep that waits for it. Real time without one.
 */
export function workflowNow(): Date {
  return current[workflowClockKey]?.now() ?? new Date();
}
