import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { validateConfig } from './config/config.schema';
import { AuditModule } from './audit/audit.module';
import { ClientsModule } from './clients/clients.module';
import { DisputesModule } from './disputes/disputes.module';
import { PoliciesModule } from './policies/policies.module';
import { PriceExceptionsModule } from './price-exceptions/price-exceptions.module';
import { PromotionModule } from './promotion/promotion.module';
import { ObligationsModule } from './obligations/obligations.module';
import { SalesModule } from './sales/sales.module';
import { SettlementsModule } from './settlements/settlements.module';
import { DistributorsModule } from './distributors/distributors.module';
import { EventSchemasModule } from './event-schemas/event-schemas.module';
import { FeedModule } from './feed/feed.module';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { ReportsModule } from './reports/reports.module';
import { HealthController } from './health/health.controller';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { RateLimitGuard, rateLimitModule } from './security/rate-limit.guard';
import { AuthGuard } from './shared/auth/auth.guard';
import { AuthModule } from './shared/auth/auth.module';
import { LoggingModule } from './shared/logging/logging.module';
import { IdempotencyGuard } from './shared/idempotency/idempotency.guard';
import { ProblemDetailsFilter } from './shared/problem/problem-details.filter';
import { SharedModule } from './shared/shared.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/** Use-case modules: each area adds its own here. */
const areas = [
  DistributorsModule,
  AuditModule,
  PersonalDataModule,
  PoliciesModule,
  ClientsModule,
  DisputesModule,
  SettlementsModule,
  PromotionModule,
  ObligationsModule,
  SalesModule,
  PriceExceptionsModule,
  ReportsModule,
  EventSchemasModule,
  FeedModule,
  WebhooksModule,
];

/** The API. `register(env)` lets tests run several apps side by side, each with its own configuration. */
@Module({})
export class AppModule {
  static register(env: Record<string, string | undefined> = process.env): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, cache: true, ignoreEnvFile: true, validate: () => validateConfig(env) }),
        LoggingModule.register(validateConfig(env).LOG_LEVEL),
        CqrsModule.forRoot(),
        TerminusModule,
        InfrastructureModule,
        AuthModule,
        SharedModule,
        rateLimitModule,
        ...areas,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        // After AuthGuard (global guards run in registration order): the limit is keyed by the verified token's subject.
        { provide: APP_GUARD, useClass: RateLimitGuard },
        // Last: a request refused by the guards above leaves no idempotency record.
        { provide: APP_GUARD, useClass: IdempotencyGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
