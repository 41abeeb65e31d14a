import { createHmac } from 'node:crypto';
import { verifyAsDocumented } from '../testing/receiver';
import { sign } from './signature';

const secret = 'a-webhook-secret-of-at-least-32-bytes!';
const body = JSON.stringify({ id: 'e-1', type: 'SaleRecorded', data: { amount: 1 } });
const ts = 1_767_225_600;
const signed = { timestamp: String(ts), signature: sign(secret, ts, body), body };

describe('webhook signatures', () => {
  it('is v1=hex(HMAC-SHA256(secret, "<timestamp>.<body>"))', () => {
    const expected = createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
    expect(sign(secret, ts, body)).toBe(`v1=${expected}`);
  });

  it('verifies with the snippet of docs/webhooks.md within 5 minutes of the timestamp, and not beyond', () => {
    expect(verifyAsDocumented(secret, signed, ts + 300)).toBe(true);
    expect(verifyAsDocumented(secret, signed, ts - 300)).toBe(true);
    expect(verifyAsDocumented(secret, signed, ts + 301)).toBe(false);
    expect(verifyAsDocumented(secret, signed, ts - 301)).toBe(false);
  });

  it('refuses another body, another secret, another timestamp, or garbage', () => {
    expect(verifyAsDocumented(secret, { ...signed, body: `${body} ` }, ts)).toBe(false);
    expect(verifyAsDocumented(`${secret}x`, signed, ts)).toBe(false);
    expect(verifyAsDocumented(secret, { ...signed, timestamp: String(ts - 1) }, ts)).toBe(false);
    expect(verifyAsDocumented(secret, { ...signed, timestamp: `${ts}.5` }, ts)).toBe(false);
    expect(verifyAsDocumented(secret, { ...signed, timestamp: 'soon' }, ts)).toBe(false);
    expect(verifyAsDocumented(secret, { ...signed, signature: 'v1=00' }, ts)).toBe(false);
    expect(verifyAsDocumented(secret, { ...signed, signature: '' }, ts)).toBe(false);
  });

  it('accepts the matching one of several signatures (a future scheme sent alongside)', () => {
    expect(verifyAsDocumented(secret, { ...signed, signature: `v2=abc, ${signed.signature}` }, ts)).toBe(true);
  });
});
