import { createHash } from 'node:crypto';
import { canonicalJson } from '@cl/domain/shared/canonical-json';
import type { PolicyTerms } from '@cl/domain/policy';

/**
 * The hash a party signs: `sha256:` + SHA-256 (hex) of the terms' canonical JSON. Shown with every
 * version in the read model, checked against the stored terms when a party signs.
 */
export function termsHash(terms: PolicyTerms): string {
  return `sha256:${createHash('sha256').update(canonicalJson(terms)).digest('hex')}`;
}
