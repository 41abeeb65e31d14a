/** The pieces a scenario is written with: dated steps, a calendar for the simulated year, and checks of each outcome. */
import type { Event } from '@cl/domain/shared/types';
import type { CommandOutcome } from '../../../api/src/shared/command/command-pipeline';
import type { SimulatedLedger } from './simulated-ledger';

export interface Step {
  /** The simulated instant (ISO). */
  at: string;
  run: (ledger: SimulatedLedger) => Promise<unknown>;
}

/** A step at `at`: its command runs at that same instant. */
export const step = (at: string, run: (ledger: SimulatedLedger, at: string) => Promise<unknown>): Step => ({ at, run: (l) => run(l, at) });

export interface YearClock {
  year: number;
  /** An instant of the year: `at('03-15')` is 15 March at 10:00 UTC. */
  at: (monthDay: string, time?: string) => string;
  /** A date of the year, YYYY-MM-DD. */
  day: (monthDay: string) => string;
  /** An instant of the year before (when the policies are negotiated). */
  before: (monthDay: string, time?: string) => string;
  /** An instant of the year after (when the last periods are closed). */
  after: (monthDay: string, time?: string) => string;
}

export function yearClock(year: number): YearClock {
  const instant = (y: number, monthDay: string, time = '10:00') => `${y}-${monthDay}T${time}:00.000Z`;
  return {
    year,
    at: (monthDay, time) => instant(year, monthDay, time),
    day: (monthDay) => `${year}-${monthDay}`,
    before: (monthDay, time) => instant(year - 1, monthDay, time),
    after: (monthDay, time) => instant(year + 1, monthDay, time),
  };
}

/** Steps in the order they happened; steps at the same instant keep the order they were written in. */
export const chronological = (steps: Step[]): Step[] => [...steps].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

/** The command recorded an event of this type (a refusal that is also a fact, such as SaleRefused, included). */
export function expectRecorded<E extends Event>(outcome: CommandOutcome<E>, type: E['type']): E {
  const event = outcome.events.find((e) => e.type === type);
  if (!event) throw new Error(`Expected ${type}, recorded: ${outcome.events.map((e) => e.type).join(', ') || 'nothing'}`);
  return event;
}

/** The command was refused with this code (and, as every refusal that is not a fact, recorded nothing). */
export async function expectRefused(code: string, attempt: Promise<unknown>): Promise<void> {
  const outcome = await attempt.then(
    () => undefined,
    (error: unknown) => error,
  );
  const actual = (outcome as { code?: unknown } | undefined)?.code;
  if (actual !== code) throw new Error(`Expected a refusal ${code}, got ${outcome === undefined ? 'success' : String(actual ?? outcome)}`);
}
