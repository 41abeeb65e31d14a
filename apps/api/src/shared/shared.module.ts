import { Global, Module } from '@nestjs/common';
import { CommandGate } from './command/command-gate';
import { CommandPipeline } from './command/command-pipeline';
import { IdempotencyStore } from './idempotency/idempotency.store';

/** The command pipeline and its companions, available to every use-case module. */
@Global()
@Module({
  providers: [CommandGate, CommandPipeline, IdempotencyStore],
  exports: [CommandGate, CommandPipeline, IdempotencyStore],
})
export class SharedModule {}
