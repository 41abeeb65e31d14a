import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AppLogger } from '../../shared/logging/app-logger';
import { randomUUID } from 'node:crypto';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { POLICIES } from '@cl/projections/policies/policies.projection';
import type { CommandRequest } from '../../shared/command/request-context';
import { PolicyCommandMessage } from '../policy-command.handler';

const EVERY_MS = 60 * 60 * 1000;
const FIRST_RUN_AFTER_MS = 10_000;

/**
 * Records PolicyExpired for every policy whose year has ended. Runs hourly in every API instance:
 * the domain records an expiry once, and a concurrent duplicate loses on the stream revision.
 */
@Injectable()
export class PolicyExpiryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly commands: CommandBus,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly logger: AppLogger,
  ) {
    this.logger.setContext('PolicyExpiry');
  }

  onApplicationBootstrap(): void {
    const run = () => void this.expireEnded().catch((err: unknown) => this.logger.error({ err }, 'policy expiry run failed'));
    this.timers = [setTimeout(run, FIRST_RUN_AFTER_MS), setInterval(run, EVERY_MS)];
    this.timers.forEach((t) => t.unref());
  }

  onApplicationShutdown(): void {
    this.timers.forEach((t) => clearTimeout(t));
  }

  /** Expires the policies of years before `now`'s; returns the ids expired. */
  async expireEnded(now = new Date()): Promise<string[]> {
    const due = await this.reads.find(POLICIES, { status: { $in: ['draft', 'in_force'] }, year: { $lt: now.getUTCFullYear() } });
    const expired: string[] = [];
    for (const { _id: policyId } of due) {
      const id = randomUUID();
      const request: CommandRequest = { actor: { party: 'system', userId: 'policy-expiry' }, correlationId: id, causationId: id, now };
      try {
        await this.commands.execute(new PolicyCommandMessage({ type: 'ExpirePolicy', data: { policyId }, context: request }, request));
        expired.push(policyId);
      } catch (err) {
        this.logger.error({ err, policyId }, 'could not record the expiry of a policy; will retry');
      }
    }
    return expired;
  }
}
