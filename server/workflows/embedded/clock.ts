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
