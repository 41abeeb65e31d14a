/**
 * Drives the application through its command layer on a simulated clock. Every command is the
 * message a controller sends, carried by a request whose `now` is the simulated instant and whose
 * actor is the acting party: the facts of a past year are decided by the same handlers, rules and
 * pipeline as live requests, and recorded at the instant they happened, attributed to who acted.
 *
 * A past year cannot be written through HTTP today: a policy is in force only from both signatures,
 * a past year's policy can no longer be signed, a sale may not be dated in the future and a period
 * closes only once it has ended. Hence this clock — and its rule that time never goes back.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { ClientCommand } from '@cl/domain/client';
import type { RegisterDistributor } from '@cl/domain/distributor/distributor';
import type { DisputeCommand } from '@cl/domain/dispute';
import type { PolicyCommand } from '@cl/domain/policy';
import type { PromotionCommand } from '@cl/domain/promotion';
import type { SaleCommand, SpecialPriceCommand } from '@cl/domain/sales';
import { canonicalJson } from '@cl/domain/shared/canonical-json';
import type { Event } from '@cl/domain/shared/types';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@cl/event-store';
import { ClientCommandMessage } from '../../../api/src/clients/client-command.handler';
import { DisputeCommandMessage } from '../../../api/src/disputes/dispute-command.handler';
import { RegisterDistributorMessage } from '../../../api/src/distributors/register-distributor/register-distributor.handler';
import { ProjectorService } from '../../../api/src/infrastructure/projector.service';
import { PolicyExpiryService } from '../../../api/src/policies/expire-policies/policy-expiry.service';
import { PolicyCommandMessage } from '../../../api/src/policies/policy-command.handler';
import { SpecialPriceCommandMessage } from '../../../api/src/price-exceptions/special-price-command.handler';
import { PromotionCommandMessage } from '../../../api/src/promotion/promotion-command.handler';
import { SaleCommandMessage } from '../../../api/src/sales/sale-command.handler';
import { PeriodClosing } from '../../../api/src/settlements/close-period/period-closing';
import type { Principal } from '../../../api/src/shared/auth/principal';
import type { CommandOutcome } from '../../../api/src/shared/command/command-pipeline';
import type { CommandRequest, SystemActor } from '../../../api/src/shared/command/request-context';

/** A command as the scenario writes it: the request (and its `context`) is the ledger's to add. */
export type Bare<C> = C extends unknown ? Omit<C, 'context'> : never;

export type Acting = Principal | SystemActor;

export interface LedgerOptions {
  /** No instant after this one: what the ledger writes must already have happened (default: the real now). */
  notAfter?: Date;
}

export class SimulatedLedger {
  private readonly commands: CommandBus;
  private readonly events: EventStore;
  private readonly projector: ProjectorService;
  private readonly closing: PeriodClosing;
  private readonly notAfter: number;
  private clock = 0;
  /** Commands that went through (refusals that recorded nothing are not counted). */
  commandsRun = 0;

  constructor(app: INestApplicationContext, options: LedgerOptions = {}) {
    this.commands = app.get(CommandBus);
    this.events = app.get<EventStore>(EVENT_STORE);
    this.projector = app.get(ProjectorService);
    this.closing = app.get(PeriodClosing, { strict: false });
    this.notAfter = (options.notAfter ?? new Date()).getTime();
    // The real clock must not end the simulated year half-way: the service's hourly round would expire
    // this year's policies (a past year for it) before their amendments are signed. The scenario
    // records the expiry itself, as the year ends.
    app.get(PolicyExpiryService, { strict: false }).onApplicationShutdown();
  }

  /** The simulated instant of the last command (ISO). */
  get now(): string {
    return new Date(this.clock).toISOString();
  }

  distributor(at: string, actor: Principal, command: Bare<RegisterDistributor>) {
    return this.run(at, actor, (r) => this.commands.execute(new RegisterDistributorMessage({ ...command, context: r }, { ...r, actor })));
  }

  policy(at: string, actor: Acting, command: Bare<PolicyCommand>) {
    return this.run(at, actor, (r) => this.commands.execute(new PolicyCommandMessage({ ...command, context: r } as PolicyCommand, r)));
  }

  client(at: string, actor: Principal, command: Bare<ClientCommand>) {
    return this.run(at, actor, (r) => this.commands.execute(new ClientCommandMessage({ ...command, context: r } as ClientCommand, r)));
  }

  dispute(at: string, actor: Principal, command: Bare<DisputeCommand>) {
    return this.run(at, actor, (r) => this.commands.execute(new DisputeCommandMessage({ ...command, context: r } as DisputeCommand, r)));
  }

  sale(at: string, actor: Principal, command: Bare<SaleCommand>) {
    return this.run(at, actor, (r) => this.commands.execute(new SaleCommandMessage({ ...command, context: r } as SaleCommand, r)));
  }

  specialPrice(at: string, actor: Principal, command: Bare<SpecialPriceCommand>) {
    return this.run(at, actor, (r) =>
      this.commands.execute(new SpecialPriceCommandMessage({ ...command, context: r } as SpecialPriceCommand, r)),
    );
  }

  promotion(at: string, actor: Principal, command: Bare<PromotionCommand>) {
    return this.run(at, actor, (r) =>
      this.commands.execute(new PromotionCommandMessage({ ...command, context: r } as PromotionCommand, r)),
    );
  }

  /** What POST /policies/:id/periods/:period/close runs (the close reads the sales ledger, so it is a service, not a message). */
  closePeriod(at: string, actor: Principal, policyId: string, period: string) {
    return this.run(at, actor, (r) => this.closing.close(policyId, period, { ...r, actor }));
  }

  /** Waits until every projection and process manager has handled everything appended so far. */
  settled(): Promise<void> {
    return this.projector.settled();
  }

  /**
   * Runs one command at `at` as `actor`, then checks that what it decided is in the log: the same
   * events, each attributed to the actor and recorded at `at`. Projections and process managers are
   * let catch up whenever the simulated day changes, as they would overnight.
   */
  async run<O extends CommandOutcome<Event>>(at: string, actor: Acting, execute: (request: CommandRequest) => Promise<O>): Promise<O> {
    const now = this.advanceTo(at);
    if (this.clock && dayOf(now.getTime()) !== dayOf(this.clock)) await this.settled();
    this.clock = now.getTime();
    const id = randomUUID();
    const request: CommandRequest = { actor, correlationId: id, causationId: id, now };
    const head = await this.events.headPosition();
    const outcome = await execute(request);
    await this.checkLanded(head, request, outcome);
    this.commandsRun += 1;
    return outcome;
  }

  private advanceTo(at: string): Date {
    const now = new Date(at);
    if (Number.isNaN(now.getTime())) throw new Error(`Not an instant: ${at}`);
    if (now.getTime() < this.clock) throw new Error(`The simulated clock never goes back: ${at} is before ${this.now}`);
    if (now.getTime() > this.notAfter) throw new Error(`${at} has not happened yet: the ledger writes only the past`);
    return now;
  }

  private async checkLanded(head: number, request: CommandRequest, outcome: CommandOutcome<Event>): Promise<void> {
    if (outcome.replayed) throw new Error('A command was answered from an earlier write; every command here must decide afresh');
    const mine = (await this.events.readAll({ after: head })).filter((e) => e.metadata.causationId === request.causationId);
    const stored = new Set(mine.map((e) => `${e.type} ${canonicalJson(e.data)}`));
    const missing = outcome.events.filter((e) => !stored.has(`${e.type} ${canonicalJson(plain(e.data))}`));
    if (missing.length > 0) throw new Error(`Decided but not in the log: ${missing.map((e) => e.type).join(', ')}`);
    const misattributed = mine.filter((e) => !attributedTo(e, request));
    if (misattributed.length > 0)
      throw new Error(`Not attributed to ${request.actor.userId} at ${request.now.toISOString()}: ${misattributed[0].type}`);
  }
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Event data as stored: JSON, without undefined fields. */
const plain = (data: object): unknown => JSON.parse(JSON.stringify(data));

function attributedTo(e: RecordedEvent, request: CommandRequest): boolean {
  const { actor } = e.metadata;
  const expected = request.actor as { party: string; userId: string; distributorId?: string };
  return (
    actor.party === expected.party &&
    actor.userId === expected.userId &&
    actor.distributorId === expected.distributorId &&
    e.metadata.recordedAt === request.now.toISOString() &&
    e.metadata.correlationId === request.correlationId
  );
}
