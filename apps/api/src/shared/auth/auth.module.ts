import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../../config/config.schema';
import { loadOrCreateLocalSecret } from './local-secret';
import { TokenVerifier } from './token-verifier';

/**
 * JWKS_URL (production identity provider) or JWT_SECRET, else the local secret under DATA_DIR.
 * JWT_ISSUER / JWT_AUDIENCE, when set, must match the token's `iss` / `aud`.
 */
@Global()
@Module({
  providers: [
    {
      provide: TokenVerifier,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        const policy = { issuer: config.get('JWT_ISSUER', { infer: true }), audience: config.get('JWT_AUDIENCE', { infer: true }) };
        const jwks = config.get('JWKS_URL', { infer: true });
        if (jwks) return new TokenVerifier({ kind: 'jwks', url: jwks }, policy);
        const secret = config.get('JWT_SECRET', { infer: true }) ?? loadOrCreateLocalSecret(config.get('DATA_DIR', { infer: true })).secret;
        return new TokenVerifier({ kind: 'secret', secret }, policy);
      },
    },
  ],
  exports: [TokenVerifier],
})
export class AuthModule {}
