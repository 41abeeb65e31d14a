import type { Response } from 'express';
import type { StoredResponse } from './idempotency.store';

/**
 * Thrown by the idempotency guard to answer a retry with the stored success without running the
 * handler again (a guard can only let a request through or throw); the exception filter sends it.
 */
export class ReplayedAnswer extends Error {
  constructor(readonly response: StoredResponse) {
    super('replayed answer');
    this.name = 'ReplayedAnswer';
  }

  sendTo(res: Response): void {
    res.status(this.response.statusCode);
    for (const [name, value] of Object.entries(this.response.headers)) res.setHeader(name, value);
    if (this.response.body === undefined) res.send();
    else res.json(this.response.body);
  }
}
