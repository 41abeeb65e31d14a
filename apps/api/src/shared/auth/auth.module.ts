import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../../config/config.schema';
import { loadOrCreateLocalSecret } from './local-secret';
import { TokenVerifier } from './token-verifier';

/** JWKS_URL (production identity provider) or JWT_SECRET, else the local secret under DATA_DIR. */
@Global()
@Module({
  providers: [
    {
      provide: TokenVerifier,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        const jwks = config.get('JWKS_URL', { infer: true });
        if (jwks) return new TokenVerifier({ kind: 'jwks', url: jwks });
        const secret = config.get('JWT_SECRET', { infer: true }) ?? loadOrCreateLocalSecret(config.get('DATA_DIR', { infer: true })).secret;
        return new TokenVerifier({ kind: 'secret', secret });
      },
    },
  ],
  exports: [TokenVerifier],
})
export class AuthModule {}
