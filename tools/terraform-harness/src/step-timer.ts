/** Milliseconds spent in each Terraform step of a run. */
export interface PlanTimings {
  init: number;
  validate: number;
  plan: number;
  show: number;
  /** Time spent waiting for a machine-wide plan slot (not counted in the steps). */
  queued: number;
  /** Wall time of the whole run, queueing included. */
  total: number;
}

export type Step = Exclude<keyof PlanTimings, 'total' | 'queued'>;

/**
 * Times the steps of one run in whole milliseconds. Each step is the difference of two rounded
 * clock readings (less the rounded time it queued for a slot), and so is the total, so the steps
 * and the queueing always add up to at most the total (rounding each duration separately could
 * make their sum exceed it by a millisecond or two).
 */
export class StepTimer {
  private readonly started = Math.round(performance.now());
  private readonly steps: Record<Step, number> = { init: 0, validate: 0, plan: 0, show: 0 };
  private queued = 0;

  /** @param queuedMs how long the run has waited for plan slots so far: that wait is not the step's. */
  constructor(private readonly queuedMs: () => number = () => 0) {}

  async step<T>(step: Step, run: () => Promise<T>): Promise<T> {
    const from = Math.round(performance.now());
    const queuedBefore = Math.round(this.queuedMs());
    try {
      return await run();
    } finally {
      const waited = Math.round(this.queuedMs()) - queuedBefore;
      this.queued += waited;
      this.steps[step] += Math.max(0, Math.round(performance.now()) - from - waited);
    }
  }

  timings(): PlanTimings {
    return { ...this.steps, queued: this.queued, total: Math.round(performance.now()) - this.started };
  }
}
