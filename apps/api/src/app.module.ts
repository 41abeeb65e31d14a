import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { validateConfig, type AppConfig } from './config/config.schema';
import { AuditModule } from './audit/audit.module';
import { DistributorsModule } from './distributors/distributors.module';
import { HealthController } from './health/health.controller';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { AuthGuard } from './shared/auth/auth.guard';
import { AuthModule } from './shared/auth/auth.module';
import { IdempotencyInterceptor } from './shared/idempotency/idempotency.interceptor';
import { ProblemDetailsFilter } from './shared/problem/problem-details.filter';
import { SharedModule } from './shared/shared.module';

const CORRELATION_HEADER = 'x-correlation-id';
const CORRELATION_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;

const logging = LoggerModule.forRootAsync({
  inject: [ConfigService],
  useFactory: (config: ConfigService<AppConfig, true>) => ({
    pinoHttp: {
      level: config.get('LOG_LEVEL', { infer: true }),
      // A caller-supplied correlation id is kept (if well-formed) so one id follows a request across services.
      genReqId: (req, res) => {
        const given = req.headers[CORRELATION_HEADER];
        const id = typeof given === 'string' && CORRELATION_PATTERN.test(given) ? given : randomUUID();
        res.setHeader(CORRELATION_HEADER, id);
        return id;
      },
      redact: ['req.headers.authorization'],
    },
  }),
});

/** Use-case modules: each area adds its own here. */
const areas = [DistributorsModule, AuditModule];

/** The API. `register(env)` lets tests run several apps side by side, each with its own configuration. */
@Module({})
export class AppModule {
  static register(env: Record<string, string | undefined> = process.env): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, cache: true, ignoreEnvFile: true, validate: () => validateConfig(env) }),
        logging,
        CqrsModule.forRoot(),
        TerminusModule,
        InfrastructureModule,
        AuthModule,
        SharedModule,
        ...areas,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
