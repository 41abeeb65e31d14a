import { StatementCache } from './statement-cache';

describe('StatementCache', () => {
  it('prepares a text once, and drops the least recently used when full', () => {
    const prepared: string[] = [];
    const cache = new StatementCache<string>(2);
    const get = (sql: string) => cache.get(sql, (s) => (prepared.push(s), `stmt:${s}`));
    expect(get('a')).toBe('stmt:a');
    get('b');
    get('a'); // a used again: b is now the least recently used
    get('c'); // full: b goes
    get('a');
    get('b');
    expect(prepared).toEqual(['a', 'b', 'c', 'b']);
    expect(cache.size).toBe(2);
    cache.clear();
    get('a');
    expect(prepared).toEqual(['a', 'b', 'c', 'b', 'a']);
  });
});
