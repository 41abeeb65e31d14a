/**
 * The commercial policy decider: one policy per distributor and calendar year, drafted by the
 * company, signed by both parties on a specific version, changed only by amendments both sign.
 */
import type { Decider } from '../shared/types';
import { assertNever } from '../shared/types';
import { declineAmendment, proposeAmendment, signAmendment, withdrawAmendment } from './amendments';
import type { PolicyCommand } from './commands';
import type { PolicyEvent } from './events';
import { draftPolicy, expirePolicy, reviseTerms, signPolicy, terminatePolicy } from './lifecycle';
import { evolvePolicy, initialPolicyState, type PolicyState } from './state';
import { DEFAULT_TERMS_BOUNDS, type TermsBounds } from './validate-commercial';

export interface PolicyConfig {
  /** Configurable limits for the terms (promotion budget range). */
  bounds: TermsBounds;
}

export type PolicyDecider = Decider<PolicyState, PolicyCommand, PolicyEvent>;

/** Bounds are configuration, so they come in once here rather than with every command. */
export function createPolicyDecider(config: PolicyConfig = { bounds: DEFAULT_TERMS_BOUNDS }): PolicyDecider {
  const { min, max } = config.bounds.promotionBudgetBp;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min < 0 || min > max || max > 10_000) {
    throw new Error(`Invalid promotion budget bounds ${min}–${max} bp`);
  }
  return { initialState: initialPolicyState, decide: (command, state) => decide(command, state, config), evolve: evolvePolicy };
}

function decide(command: PolicyCommand, state: PolicyState, { bounds }: PolicyConfig): PolicyEvent[] {
  switch (command.type) {
    case 'DraftPolicy':
      return draftPolicy(command, state, bounds);
    case 'ReviseTerms':
      return reviseTerms(command, state, bounds);
    case 'SignPolicy':
      return signPolicy(command, state);
    case 'ProposeAmendment':
      return proposeAmendment(command, state, bounds);
    case 'SignAmendment':
      return signAmendment(command, state);
    case 'WithdrawAmendment':
      return withdrawAmendment(command, state);
    case 'DeclineAmendment':
      return declineAmendment(command, state);
    case 'ExpirePolicy':
      return expirePolicy(command, state);
    case 'TerminatePolicy':
      return terminatePolicy(command, state);
    default:
      return assertNever(command);
  }
}

/** The decider with the default bounds (0.5%–3% promotion budget). */
export const policyDecider: PolicyDecider = createPolicyDecider();
