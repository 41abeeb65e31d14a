/**
 * A rule of the domain refused a command. `code` is stable (clients branch on it); `kind` tells the
 * HTTP layer which status to answer with, so the domain never mentions HTTP.
 */
export type DomainErrorKind = 'conflict' | 'invalid' | 'forbidden' | 'not_found';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
