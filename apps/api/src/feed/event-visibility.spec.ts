import { allEventSchemas } from '@cl/domain/schemas';
import { DIGEST_EVENT } from '@cl/event-store/audit/digester';
import { EVENT_SCOPES } from './event-visibility';

describe('event scoping for the feed and webhooks', () => {
  it('classifies every event type the domain knows, so none reaches a distributor by default', () => {
    const unclassified = [...Object.keys(allEventSchemas), DIGEST_EVENT].filter((type) => !(type in EVENT_SCOPES));
    expect(unclassified).toEqual([]);
  });

  it('classifies no type the domain does not know (a renamed type would silently fall back to internal)', () => {
    const unknown = Object.keys(EVENT_SCOPES).filter((type) => type !== DIGEST_EVENT && !(type in allEventSchemas));
    expect(unknown).toEqual([]);
  });
});
