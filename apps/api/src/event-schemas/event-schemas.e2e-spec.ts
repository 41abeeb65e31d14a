/**
 * GET /events/schemas serves the published contract, and the contract holds for real traffic: every
 * event a run of the API writes (the security fixtures: distributors, policies, clients, a dispute, a
 * promotion spend, a sale, a special price, log digests) conforms to its schema as stored and as the
 * feed delivers it.
 */
import { publishedEventSchemas } from '@cl/domain/event-contract';
import { allEventSchemas } from '@cl/domain/schemas';
import { upcast } from '@cl/domain/shared/schemas';
import type { RecordedEvent } from '@cl/event-store';
import { DIGEST_EVENT } from '@cl/event-store/audit/digester';
import { EventValidator } from '../../../../tools/event-contract/event-validator';
import { AuditDigesterService } from '../audit/audit-digester.service';
import { EVENT_SCOPES } from '../feed/event-visibility';
import { createFixtures, OWN } from '../testing/security-fixtures';
import { startTestApp, type TestApp } from '../testing/test-app';

const WRITTEN_BY_THE_FIXTURES = [
  'DistributorRegistered',
  'PolicyDrafted',
  'PolicySigned',
  'PolicyCameIntoForce',
  'PromotionBudgetAccrued',
  'PromotionSpendProposed',
  'ClientTaxIdReserved',
  'ClientRegistered',
  'ClientClaimed',
  'ClientTransferRequested',
  'DisputeOpened',
  'DisputeResolutionProposed',
  'SaleRecorded',
  'SpecialPriceApproved',
];

describe('GET /events/schemas', () => {
  let t: TestApp;
  const validator = new EventValidator(publishedEventSchemas);
  const as = async (party: 'company' | 'distributor' | 'compliance') =>
    `Bearer ${await t.token(party, party === 'distributor' ? { distributorId: OWN.id } : {})}`;

  beforeAll(async () => {
    // A digest every 10 events, written now, so the log digests the feed carries are in the run too.
    t = await startTestApp({ AUDIT_DIGEST_EVERY: '10' });
    await createFixtures(t);
    await t.app.get(AuditDigesterService).catchUp();
  });
  afterAll(() => t?.close());

  it('serves every event type the feed may carry, with its current version and the schema of each version', async () => {
    for (const party of ['company', 'distributor', 'compliance'] as const) {
      const res = await t
        .http()
        .get('/events/schemas')
        .set('Authorization', await as(party));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ types: publishedEventSchemas.types });
    }
    expect(Object.keys(publishedEventSchemas.types).sort()).toEqual(Object.keys(EVENT_SCOPES).sort());
  });

  it('serves one type: SaleRefused is at version 2, and its version 1 is still described', async () => {
    const res = await t
      .http()
      .get('/events/schemas/SaleRefused')
      .set('Authorization', await as('distributor'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'SaleRefused', currentVersion: 2 });
    expect(Object.keys(res.body.versions)).toEqual(['1', '2']);
    expect(res.body.versions['2'].required).toContain('total');
    expect(res.body.versions['1'].properties.total).toBeUndefined();
  });

  it('answers an unknown type with 404, a malformed one with 422 naming it, and nobody without a token', async () => {
    const company = await as('company');
    const unknown = await t.http().get('/events/schemas/SaleVanished').set('Authorization', company);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'EVENT.UNKNOWN_TYPE', eventType: 'SaleVanished' });
    const malformed = await t.http().get('/events/schemas/sale-refused').set('Authorization', company);
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'type' })]);
    expect((await t.http().get('/events/schemas')).status).toBe(401);
    expect((await t.http().get('/events/schemas/__proto__').set('Authorization', company)).status).toBe(422);
    expect((await t.http().get('/events/schemas/Constructor').set('Authorization', company)).status).toBe(404);
  });

  it('describes every event the run wrote, as stored and as upcast to the current version', async () => {
    const log = await t.events.readAll({ maxCount: 100_000 });
    const written = [...new Set(log.map((e) => e.type))];
    expect(written).toEqual(expect.arrayContaining([...WRITTEN_BY_THE_FIXTURES, DIGEST_EVENT]));
    expect(
      log.flatMap((e) => [...validator.problems(e), ...validator.problems(current(e))].map((p) => `${e.stream}@${e.revision}: ${p}`)),
    ).toEqual([]);
  });

  it('describes every event the feed delivers, each in the current version of its type', async () => {
    const company = await as('company');
    const problems: string[] = [];
    let delivered = 0;
    for (let from = 0, head = 1; from < head;) {
      const page = await t.http().get(`/events?from=${from}&limit=1000`).set('Authorization', company);
      expect(page.status).toBe(200);
      for (const item of page.body.events) {
        delivered += 1;
        if (item.schemaVersion !== publishedEventSchemas.types[item.type]?.currentVersion)
          problems.push(`${item.type} came as v${item.schemaVersion}`);
        problems.push(...validator.problems(item));
      }
      ({ next: from, head } = page.body);
    }
    expect(delivered).toBe(await t.events.headPosition());
    expect(problems).toEqual([]);
  });
});

/** The event as every reader sees it: upcast to the current version of its type (digests have one). */
function current(e: RecordedEvent): RecordedEvent {
  if (!allEventSchemas[e.type]) return e;
  return { ...e, schemaVersion: allEventSchemas[e.type].version, data: upcast(allEventSchemas, e).data as Record<string, unknown> };
}
