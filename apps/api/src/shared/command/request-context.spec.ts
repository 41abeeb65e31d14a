import { ApiProblem, toProblem, type Problem } from '../problem/problem';
import { parseIfMatch } from './request-context';

/** The problem document the client would get. */
function refusal(header: string): Problem {
  try {
    parseIfMatch(header);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiProblem);
    return toProblem(error);
  }
  throw new Error(`If-Match ${JSON.stringify(header)} was accepted`);
}

describe('parseIfMatch', () => {
  it('is undefined without the header', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
  });

  it('reads the revision from a strong ETag', () => {
    expect(parseIfMatch('"0"')).toBe(0);
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch(' "42" ')).toBe(42);
    expect(parseIfMatch('"999999999999999"')).toBe(999_999_999_999_999);
  });

  it('tolerates a bare revision', () => {
    expect(parseIfMatch('3')).toBe(3);
  });

  it('refuses a weak ETag with 400 naming If-Match: weak tags never match If-Match (RFC 9110)', () => {
    for (const header of ['W/"3"', ' W/"0"', 'W/3']) {
      const problem = refusal(header);
      expect(problem.status).toBe(400);
      expect(problem.code).toBe('REQUEST.INVALID_IF_MATCH');
      expect(problem.detail).toMatch(/If-Match.*weak/);
      expect(problem.errors).toEqual([{ field: 'If-Match', message: expect.stringMatching(/strong/) }]);
    }
  });

  it('refuses anything that is not one revision', () => {
    for (const header of ['', '*', '"-1"', '"1e3"', '"0", "1"', '"3', '3"', 'null', 'yesterday', '"9999999999999999"', 'w/"3"']) {
      const problem = refusal(header);
      expect(problem.status).toBe(400);
      expect(problem.code).toBe('REQUEST.INVALID_IF_MATCH');
      expect(problem.errors).toEqual([{ field: 'If-Match', message: expect.any(String) }]);
    }
  });
});
