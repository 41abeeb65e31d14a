import type { Principal } from '../shared/auth/principal';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}
