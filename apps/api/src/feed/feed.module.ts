import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { PersonalDataModule } from '../personal-data/personal-data.module';
import { EventVisibility } from './event-visibility';
import { EventsController } from './events.controller';
import { FeedItems } from './feed-item';
import { EventPages } from './read-events/event-page';
import { ScopeHorizon } from './scope-horizon';
import { FeedStreams } from './stream-events/feed-streams';

/** The event feed (GET /events, docs/feed.md); EventVisibility and FeedItems are exported for other subscribers (webhooks). */
@Module({
  imports: [ClientsModule, PersonalDataModule],
  controllers: [EventsController],
  providers: [EventVisibility, FeedItems, ScopeHorizon, EventPages, FeedStreams],
  exports: [EventVisibility, FeedItems, ScopeHorizon],
})
export class FeedModule {}
