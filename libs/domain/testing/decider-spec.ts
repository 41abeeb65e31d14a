/** given([events]).when(command).then([events]) | .thenThrows(code): the shape of every domain spec. */
import type { Command, Decider, Event } from '../shared/types';
import { fold } from '../shared/types';
import { DomainError } from '../shared/errors';

export function deciderSpec<S, C extends Command, E extends Event>(decider: Decider<S, C, E>) {
  return {
    given: (events: E[]) => ({
      when: (command: C) => {
        const run = () => decider.decide(command, fold(decider, events));
        return {
          then: (expected: E[]) => expect(run()).toEqual(expected),
          thenThrows: (code: string) => {
            let caught: unknown;
            try {
              run();
            } catch (e) {
              caught = e;
            }
            expect(caught).toBeInstanceOf(DomainError);
            expect((caught as DomainError).code).toBe(code);
          },
        };
      },
    }),
  };
}
