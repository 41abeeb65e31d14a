import { allEventSchemas } from '../schemas';
import { parsePolicyId, policyEventSchemas, policyIdFor, policyStream } from './events';

describe('policy identity and schemas', () => {
  it('one id per distributor and year, one stream per id', () => {
    expect(policyIdFor('d-1', 2026)).toBe('d-1-2026');
    expect(policyStream(policyIdFor('d-1', 2026))).toBe('policy-d-1-2026');
    expect(parsePolicyId('d-1-2026')).toEqual({ distributorId: 'd-1', year: 2026 });
    expect(parsePolicyId('nonsense')).toBeUndefined();
  });

  it('every policy event has a schema version and is registered', () => {
    for (const [type, schema] of Object.entries(policyEventSchemas)) {
      expect(schema.version).toBeGreaterThanOrEqual(1);
      expect(allEventSchemas[type]).toBe(schema);
    }
    expect(Object.keys(policyEventSchemas)).toContain('PolicySigned');
  });
});
