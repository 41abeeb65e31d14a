import { Global, Module, type DynamicModule } from '@nestjs/common';
import pino from 'pino';
import type { AppConfig } from '../../config/config.schema';
import { AppLogger, ROOT_LOGGER } from './app-logger';

/** The process's pino logger at LOG_LEVEL, and a per-class AppLogger over it. */
@Global()
@Module({})
export class LoggingModule {
  static register(level: AppConfig['LOG_LEVEL']): DynamicModule {
    return {
      module: LoggingModule,
      providers: [{ provide: ROOT_LOGGER, useValue: pino({ level }) }, AppLogger],
      exports: [ROOT_LOGGER, AppLogger],
    };
  }
}
