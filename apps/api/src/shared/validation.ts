import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ValidationProblem, type FieldError } from './problem/problem';
import { keepTargetMetadata } from './validation-metadata';

keepTargetMetadata();

/** One step of a field path; an empty JSON key is shown as `""` so that every error still names a field. */
const fieldPath = (parent: string, key: string) => {
  const step = key === '' ? '""' : key;
  return parent ? `${parent}.${step}` : step;
};

/** Flattens class-validator's tree into `field.path: message` pairs, one per failed constraint. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = fieldPath(parent, e.property);
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldErrors(e.children ?? [], field)];
  });
}

/** Deeper than any DTO will ever nest; class-transformer and class-validator recurse, so depth is bounded before them. */
export const MAX_INPUT_DEPTH = 32;
/** class-transformer skips these keys silently, so the whitelist would never see them: refused here instead. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** NUL, and UTF-16 surrogates that are not part of a pair: neither survives a UTF-8 store (BSON, logs) unchanged. */
const UNSTORABLE_TEXT = /\u0000|\p{Cs}/u;
const MAX_SHAPE_ERRORS = 20;

interface Pending {
  value: unknown;
  field: string;
  depth: number;
}

/**
 * What a parsed JSON value may not contain whatever the DTO says: nesting beyond MAX_INPUT_DEPTH,
 * prototype keys, NUL or lone surrogates, non-finite numbers (JSON.parse turns 1e400 into Infinity).
 * Walks iteratively, so a hostile depth cannot overflow the stack here either.
 */
export function inputShapeErrors(input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const pending: Pending[] = [{ value: input, field: '', depth: 0 }];
  while (pending.length > 0 && errors.length < MAX_SHAPE_ERRORS) {
    const { value, field, depth } = pending.pop()!;
    const own = leafError(value);
    if (own) errors.push({ field: field || 'body', message: own });
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      errors.push({ field: field || 'body', message: `nested deeper than ${MAX_INPUT_DEPTH} levels` });
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      const path = fieldPath(field, key);
      const keyError = FORBIDDEN_KEYS.has(key)
        ? 'is not an allowed field name'
        : UNSTORABLE_TEXT.test(key)
          ? 'contains NUL or an unpaired surrogate'
          : undefined;
      if (keyError) errors.push({ field: path, message: `property ${keyError}` });
      else pending.push({ value: child, field: path, depth: depth + 1 });
    }
  }
  return errors;
}

function leafError(value: unknown): string | undefined {
  if (typeof value === 'number' && !Number.isFinite(value)) return 'must be a finite number';
  if (typeof value === 'string' && UNSTORABLE_TEXT.test(value)) return 'must not contain NUL or an unpaired surrogate';
  return undefined;
}

/** The global pipe: the shape checks above, then class-validator against the DTO. */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const errors = inputShapeErrors(value);
      if (errors.length > 0) throw new ValidationProblem(errors);
    }
    return super.transform(value, metadata);
  }
}

/** Unknown fields are refused, not stripped: a typo in a field name must not silently drop data. */
export const validationPipe = new StrictValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  stopAtFirstError: false,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => new ValidationProblem(fieldErrors(errors)),
});
