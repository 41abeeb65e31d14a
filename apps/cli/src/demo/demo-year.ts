/**
 * The demo year as one timeline, run in the order things happened through the command layer of an
 * application context (see simulated-ledger.ts). The last step is on 2 January of the year after,
 * when the last periods are closed.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { agreementSteps } from './demo-agreements';
import { clientSteps } from './demo-clients';
import { moneySteps } from './demo-money';
import { chronological, yearClock, type Step } from './demo-steps';
import { SimulatedLedger } from './simulated-ledger';

export const demoTimeline = (year: number): Step[] => {
  const y = yearClock(year);
  return chronological([...agreementSteps(y), ...clientSteps(y), ...moneySteps(y)]);
};

/** The instant of the demo's last step: a year can be loaded only once this has passed. */
export const lastStepOf = (year: number): Date => new Date(Date.parse(demoTimeline(year).at(-1)!.at));

/** The latest year whose every step lies in the past: the previous calendar year, except on its first days. */
export function defaultDemoYear(now: Date): number {
  const previous = now.getUTCFullYear() - 1;
  return lastStepOf(previous) <= now ? previous : previous - 1;
}

/** Runs the whole year; answers how many commands ran. */
export async function loadDemoYear(app: INestApplicationContext, year: number, now = new Date()): Promise<number> {
  const ledger = new SimulatedLedger(app, { notAfter: now });
  for (const step of demoTimeline(year)) await step.run(ledger);
  await ledger.settled();
  return ledger.commandsRun;
}
