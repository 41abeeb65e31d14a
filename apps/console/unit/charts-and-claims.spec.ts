import { readClaims, secondsLeft } from '../src/lib/jwt';
import { niceMax, ticks, yScale } from '../src/lib/scale';

const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('token claims (who am I)', () => {
  it('reads the party, user and distributor of a token', () => {
    const token = `${part({ alg: 'HS256' })}.${part({ sub: 'jan', party: 'distributor', distributorId: 'acme', exp: 2000 })}.sig`;
    const read = readClaims(token);
    expect(read).toEqual({ ok: true, claims: { sub: 'jan', party: 'distributor', distributorId: 'acme', exp: 2000 } });
    expect(read.ok && secondsLeft(read.claims, 1_000_000)).toBe(1000);
  });

  it('says why a pasted text is not a token', () => {
    expect(readClaims('hello')).toEqual({ ok: false, reason: expect.stringContaining('three parts') });
    expect(readClaims(`${part({})}.${part({ sub: 'x', party: 'admin' })}.s`)).toEqual({
      ok: false,
      reason: expect.stringContaining('party'),
    });
  });
});

describe('chart scales', () => {
  it('rounds the axis maximum up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([niceMax(17_250_000), niceMax(15_000_000), niceMax(0.3), niceMax(0)]).toEqual([20_000_000, 20_000_000, 0.5, 1]);
  });

  it('spaces ticks evenly and maps values upwards from the bottom', () => {
    expect(ticks(200, 4)).toEqual([0, 50, 100, 150, 200]);
    const y = yScale(200, 100);
    expect([y(0), y(100), y(200), y(-5)]).toEqual([100, 50, 0, 100]);
  });
});
