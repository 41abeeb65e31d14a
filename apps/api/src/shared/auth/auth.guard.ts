import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ApiProblem } from '../problem/problem';
import { ACCESS_KEY, type AccessRule } from './access';
import { TokenVerifier } from './token-verifier';

/** The one place authentication and route-level authorization happen. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (rule && 'public' in rule) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header) : null;
    if (!match) throw new ApiProblem(401, 'AUTH.MISSING_TOKEN', 'Send Authorization: Bearer <token>');
    req.principal = await this.verifier.verify(match[1]);
    if (!rule) throw new ApiProblem(403, 'AUTH.ROUTE_NOT_DECLARED', 'This route declares no access rule');
    if (!rule.parties.includes(req.principal.party)) {
      throw new ApiProblem(403, 'AUTH.PARTY_NOT_ALLOWED', `The ${req.principal.party} party may not do this`);
    }
    return true;
  }
}
