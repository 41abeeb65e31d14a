import { Module } from '@nestjs/common';
import { AuditDigesterService } from './audit-digester.service';
import { ExportStreamController } from './export-stream/export-stream.controller';
import { VerifyLogController } from './verify-log/verify-log.controller';

@Module({
  controllers: [VerifyLogController, ExportStreamController],
  providers: [AuditDigesterService],
  exports: [AuditDigesterService],
})
export class AuditModule {}
