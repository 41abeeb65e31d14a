/**
 * A canonical JSON serialisation: object keys sorted by UTF-16 code units, no whitespace, undefined
 * members dropped, strings and numbers as `JSON.stringify` writes them (ECMAScript number formatting,
 * so -0 is `0`). Two semantically equal values always give the same bytes, which hashing (request
 * fingerprints, the hash chain, terms hashes) depends on.
 *
 * For the values accepted here — JSON data — the output is RFC 8785 (JCS), so a verifier in another
 * language can use a JCS library. Anything else is refused rather than guessed at: a Date, Map, Set,
 * class instance, function, symbol, bigint or non-finite number would otherwise be hashed as one thing
 * (`{}`, say) and stored as another by `JSON.stringify`, and the hash would not verify later.
 */
export function canonicalJson(value: unknown): string {
  try {
    return write(value, new Set());
  } catch (error) {
    if (error instanceof Misplaced) throw new CanonicalJsonError(`$${error.steps.reverse().join('')}`, error.what);
    throw error;
  }
}

export class CanonicalJsonError extends TypeError {
  constructor(
    readonly path: string,
    what: string,
  ) {
    super(`canonicalJson: ${what} at ${path} is not JSON data (only plain objects, arrays, strings, finite numbers, booleans and null)`);
    this.name = 'CanonicalJsonError';
  }
}

/**
 * What cannot be written, and where: the path is put together while the error unwinds, one step per
 * level, since building it for every member written (the hash chain hashes every event) cost more
 * than the writing.
 */
class Misplaced {
  readonly steps: string[] = [];
  constructor(readonly what: string) {}
}

function write(value: unknown, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Misplaced(`the number ${value}`);
      return JSON.stringify(value);
    case 'undefined':
      // Only reachable at the top level or as an array element (members are dropped): as JSON.stringify.
      return 'null';
    case 'object':
      break;
    default:
      throw new Misplaced(`a ${typeof value}`);
  }
  if (value === null) return 'null';
  if (ancestors.has(value)) throw new Misplaced('a circular reference');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const items: string[] = [];
      for (let i = 0; i < value.length; i++) {
        try {
          items.push(write(value[i], ancestors));
        } catch (error) {
          throw placed(error, `[${i}]`);
        }
      }
      return `[${items.join(',')}]`;
    }
    if (!isPlainObject(value)) throw new Misplaced(`a ${describe(value)}`);
    const record = value as Record<string, unknown>;
    const members: string[] = [];
    // Default sort compares UTF-16 code units, as RFC 8785 requires.
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined) continue;
      try {
        members.push(`${JSON.stringify(key)}:${write(member, ancestors)}`);
      } catch (error) {
        throw placed(error, memberPath(key));
      }
    }
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}

/** Adds one step (`[i]` or a member) to the path of an error unwinding through this level. */
function placed(error: unknown, step: string): unknown {
  if (error instanceof Misplaced) error.steps.push(step);
  return error;
}

/** An object literal or JSON.parse result: its prototype is Object.prototype (of any realm) or null. */
function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as { constructor?: unknown } | null;
  if (proto === null || proto === Object.prototype) return true;
  // Object.prototype of another realm (a vm context, a test sandbox) is the root of its chain too.
  return Object.getPrototypeOf(proto) === null && typeof proto.constructor === 'function' && proto.constructor.name === 'Object';
}

function describe(value: object): string {
  const name = (value.constructor as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name.length > 0 ? name : 'non-plain object';
}

function memberPath(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
