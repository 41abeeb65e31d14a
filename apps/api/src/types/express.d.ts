import type { Principal } from '../shared/auth/principal';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
    /** The request's correlation id, set first thing (http-middleware.ts `correlationId`). */
    id?: string;
  }
}
