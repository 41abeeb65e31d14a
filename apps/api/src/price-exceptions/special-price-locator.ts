import { Inject, Injectable } from '@nestjs/common';
import { SpecialPriceErrors } from '@cl/domain/sales';
import { EVENT_STORE, type EventStore } from '@cl/event-store';
import { READ_STORE, type ReadStore } from '@cl/read-models';
import { SPECIAL_PRICES, specialPricesProjection, type SpecialPriceDoc } from '@cl/projections/sales/special-prices.projection';
import { ProjectorService } from '../infrastructure/projector.service';
import { ApiProblem } from '../shared/problem/problem';

const CATCH_UP_MS = 5_000;
const RETRY_AFTER_SECONDS = 2;

/**
 * Which client a special price belongs to. The price's own stream is its client's, so the id alone
 * does not name it: the read model does, once it has applied everything appended before the request.
 */
@Injectable()
export class SpecialPriceLocator {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
    private readonly projector: ProjectorService,
  ) {}

  async clientOf(specialPriceId: string): Promise<string> {
    await this.caughtUp(await this.events.headPosition());
    const doc = await this.reads.findOne<SpecialPriceDoc>(SPECIAL_PRICES, { _id: specialPriceId });
    if (!doc) throw SpecialPriceErrors.notFound(specialPriceId);
    return doc.clientId;
  }

  private async caughtUp(head: number): Promise<void> {
    try {
      await this.projector.caughtUp(specialPricesProjection.name, head, CATCH_UP_MS);
    } catch {
      throw new ApiProblem(
        503,
        'SPECIAL_PRICE.NOT_CAUGHT_UP',
        'The special prices are still catching up with recent approvals; retry shortly',
        {
          retryAfterSeconds: RETRY_AFTER_SECONDS,
        },
      );
    }
  }
}
