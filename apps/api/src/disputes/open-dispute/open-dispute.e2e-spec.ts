/** POST /disputes: who opens, against whom by default, what the subject must name, and how a retry lands. */
import { disputeStream } from '@cl/domain/dispute';
import { ACME_SIDE, BETA_SIDE, COMPANY_SIDE, DisputeWorld } from '../testing/dispute-world';

describe('POST /disputes', () => {
  let w: DisputeWorld;
  let unowned: string;
  let companys: string;
  let czech: string;

  beforeAll(async () => {
    w = await DisputeWorld.start();
    unowned = await w.registerClient();
    companys = await w.companyClient();
    czech = await w.registerClient('CZ');
    await w.settled();
  });
  afterAll(() => w?.close());

  const fields = (res: { body: { errors?: Array<{ field: string }> } }) => (res.body.errors ?? []).map((e) => e.field);

  it('opens a dispute in the caller’s name: 201 with Location, ETag and DisputeOpened (origin direct)', async () => {
    const res = await w.post('acme', '/disputes', { subject: { kind: 'client', clientId: companys }, summary: 'We served it first' });
    expect(res.status).toBe(201);
    const { disputeId } = res.body;
    expect(res.headers.location).toBe(`/disputes/${disputeId}`);
    expect(res.headers.etag).toBe('"0"');
    expect(res.body.recorded).toEqual([
      {
        type: 'DisputeOpened',
        data: {
          disputeId,
          subject: { kind: 'client', clientId: companys },
          parties: [ACME_SIDE, COMPANY_SIDE],
          openedBy: ACME_SIDE,
          summary: 'We served it first',
          origin: { kind: 'direct' },
          openedAt: expect.any(String),
        },
      },
    ]);
    const [stored] = await w.t.events.readStream(disputeStream(disputeId));
    expect(stored.metadata.actor).toMatchObject({ party: 'distributor', distributorId: 'acme', userId: 'acme-user' });
  });

  describe('the counterparty', () => {
    const partiesOf = async (who: string, body: object) =>
      (await w.postExpecting(201, who, '/disputes', { summary: 's', ...body })).body.recorded[0].data.parties;

    it("defaults to the client's owner when that is not the opener", async () => {
      expect(await partiesOf('acme', { subject: { kind: 'client', clientId: companys } })).toEqual([ACME_SIDE, COMPANY_SIDE]);
    });

    it('defaults to the company for a distributor otherwise (a client nobody owns, a sale, a price)', async () => {
      for (const subject of [
        { kind: 'client', clientId: unowned },
        { kind: 'sale', saleId: 'S-2026-0042' },
        { kind: 'price', sku: 'PUMP-100', clientId: unowned },
      ]) {
        expect(await partiesOf('acme', { subject })).toEqual([ACME_SIDE, COMPANY_SIDE]);
      }
    });

    it('is the one named, when named', async () => {
      expect(
        await partiesOf('company', {
          subject: { kind: 'price', sku: 'PUMP-100' },
          counterparty: { party: 'distributor', distributorId: 'beta' },
        }),
      ).toEqual([COMPANY_SIDE, BETA_SIDE]);
      expect(
        await partiesOf('acme', {
          subject: { kind: 'sale', saleId: 'S-1' },
          counterparty: { party: 'distributor', distributorId: 'beta' },
        }),
      ).toEqual([ACME_SIDE, BETA_SIDE]);
    });

    it.each([
      ['a sale', { kind: 'sale', saleId: 'S-2026-0042' }],
      ['a price', { kind: 'price', sku: 'PUMP-100' }],
      ['a client it owns', 'companys'],
      ['a client nobody owns', 'unowned'],
    ])('must be named by the company about %s: 422 DISPUTE.COUNTERPARTY_REQUIRED naming counterparty', async (_what, subject) => {
      const s = typeof subject === 'string' ? { kind: 'client', clientId: subject === 'companys' ? companys : unowned } : subject;
      const res = await w.post('company', '/disputes', { subject: s, summary: 's' });
      expect([res.status, res.body.code, fields(res)]).toEqual([422, 'DISPUTE.COUNTERPARTY_REQUIRED', ['counterparty']]);
    });

    it('must be a registered distributor: 422 DISPUTE.UNKNOWN_DISTRIBUTOR naming counterparty.distributorId', async () => {
      const before = await w.t.events.headPosition();
      const res = await w.post('company', '/disputes', {
        subject: { kind: 'price', sku: 'X' },
        summary: 's',
        counterparty: { party: 'distributor', distributorId: 'ghost' },
      });
      expect([res.status, res.body.code, fields(res)]).toEqual([422, 'DISPUTE.UNKNOWN_DISTRIBUTOR', ['counterparty.distributorId']]);
      expect(await w.t.events.headPosition()).toBe(before);
    });

    it('may not be the opener itself: 422 DISPUTE.INVALID_COUNTERPARTY', async () => {
      const res = await w.post('acme', '/disputes', {
        subject: { kind: 'price', sku: 'X' },
        summary: 's',
        counterparty: { party: 'distributor', distributorId: 'acme' },
      });
      expect([res.status, res.body.code, fields(res)]).toEqual([422, 'DISPUTE.INVALID_COUNTERPARTY', ['counterparty']]);
    });
  });

  describe('the client the subject names', () => {
    it('must be one the caller may see: another territory’s client is 404 exactly as a missing one', async () => {
      const hidden = await w.post('beta', '/disputes', { subject: { kind: 'client', clientId: companys }, summary: 's' });
      const missing = await w.post('beta', '/disputes', { subject: { kind: 'client', clientId: 'c-ghost' }, summary: 's' });
      expect([hidden.status, hidden.body.code]).toEqual([404, 'CLIENT.NOT_FOUND']);
      expect([missing.status, missing.body.code]).toEqual([404, 'CLIENT.NOT_FOUND']);
      expect(Object.keys(hidden.body).sort()).toEqual(Object.keys(missing.body).sort());
      const priced = await w.post('acme', '/disputes', { subject: { kind: 'price', sku: 'PUMP-100', clientId: czech }, summary: 's' });
      expect([priced.status, priced.body.code]).toEqual([404, 'CLIENT.NOT_FOUND']);
    });

    it('must exist for the company too', async () => {
      const res = await w.post('company', '/disputes', {
        subject: { kind: 'client', clientId: 'c-ghost' },
        summary: 's',
        counterparty: ACME_SIDE,
      });
      expect([res.status, res.body.code]).toEqual([404, 'CLIENT.NOT_FOUND']);
    });

    it('is not needed for a sale, whose id is recorded as given (sales are not recorded yet)', async () => {
      const res = await w.postExpecting(201, 'acme', '/disputes', { subject: { kind: 'sale', saleId: 'never-recorded' }, summary: 's' });
      expect(res.body.recorded[0].data.subject).toEqual({ kind: 'sale', saleId: 'never-recorded' });
    });
  });

  it.each([
    [{ kind: 'client' }, 'subject.clientId'],
    [{ kind: 'sale' }, 'subject.saleId'],
    [{ kind: 'price' }, 'subject.sku'],
    [{ kind: 'client', clientId: 'c-1', saleId: 'S-1' }, 'subject.saleId'],
    [{ kind: 'sale', saleId: 'S-1', sku: 'PUMP-100' }, 'subject.sku'],
    [{ kind: 'contract', clientId: 'c-1' }, 'subject.kind'],
    [{ kind: 'price', sku: 'two\nlines' }, 'subject.sku'],
    [{ kind: 'price', sku: 'x'.repeat(65) }, 'subject.sku'],
  ])('refuses the subject %j with a 422 naming %s', async (subject, field) => {
    const res = await w.post('acme', '/disputes', { subject, summary: 's' });
    expect([res.status, res.body.code]).toEqual([422, 'REQUEST.VALIDATION_FAILED']);
    expect(fields(res)).toContain(field);
  });

  it.each([
    [{ summary: '' }, 'summary'],
    [{ summary: 'x'.repeat(2001) }, 'summary'],
    [{ summary: 'a\u001b[31mred' }, 'summary'],
    [{ disputeId: 'has space' }, 'disputeId'],
    [{ counterparty: { party: 'distributor' } }, 'counterparty.distributorId'],
    [{ origin: { kind: 'claim' } }, 'origin'],
    [{ subject: undefined }, 'subject'],
    [{ subject: [{ kind: 'price', sku: 'PUMP-100' }] }, 'subject'],
    [{ counterparty: [{ party: 'company' }] }, 'counterparty'],
  ])('refuses %j with a 422 naming %s', async (body, field) => {
    const res = await w.post('acme', '/disputes', { subject: { kind: 'price', sku: 'PUMP-100' }, summary: 's', ...body });
    expect(res.status).toBe(422);
    expect(fields(res)).toContain(field);
  });

  it('keeps line breaks in the summary', async () => {
    const res = await w.postExpecting(201, 'acme', '/disputes', {
      subject: { kind: 'price', sku: 'PUMP-100' },
      summary: 'first line\nsecond line',
    });
    expect(res.body.recorded[0].data.summary).toBe('first line\nsecond line');
  });

  it('is closed to compliance, which judges disputes and never opens one', async () => {
    const res = await w.post('compliance', '/disputes', {
      subject: { kind: 'price', sku: 'PUMP-100' },
      summary: 's',
      counterparty: ACME_SIDE,
    });
    expect([res.status, res.body.code]).toEqual([403, 'AUTH.PARTY_NOT_ALLOWED']);
  });

  describe('the dispute id', () => {
    const body = { disputeId: 'dsp-chosen', subject: { kind: 'price', sku: 'VALVE-20' }, summary: 'Undercut' };

    it('may be chosen; opening the same dispute again records nothing (200)', async () => {
      expect((await w.post('acme', '/disputes', body)).status).toBe(201);
      const again = await w.post('acme', '/disputes', body);
      expect([again.status, again.body.recorded, again.headers.location]).toEqual([200, [], '/disputes/dsp-chosen']);
    });

    it('is 409 DISPUTE.ALREADY_EXISTS when taken by another dispute, whoever asks', async () => {
      for (const who of ['acme', 'beta']) {
        const res = await w.post(who, '/disputes', { ...body, subject: { kind: 'price', sku: 'PUMP-100' } });
        expect([res.status, res.body.code]).toEqual([409, 'DISPUTE.ALREADY_EXISTS']);
        expect(res.text).not.toContain('VALVE-20');
      }
    });

    it('is derived from the Idempotency-Key, so a retry answers the first dispute', async () => {
      const headers = { 'Idempotency-Key': 'open-price-dispute-1' };
      const first = await w.post('acme', '/disputes', { subject: { kind: 'price', sku: 'PUMP-100' }, summary: 'retry me' }, headers);
      const retry = await w.post('acme', '/disputes', { subject: { kind: 'price', sku: 'PUMP-100' }, summary: 'retry me' }, headers);
      expect(first.status).toBe(201);
      expect(retry.body.disputeId).toBe(first.body.disputeId);
      expect(await w.t.events.readStream(disputeStream(first.body.disputeId))).toHaveLength(1);
    });
  });
});
