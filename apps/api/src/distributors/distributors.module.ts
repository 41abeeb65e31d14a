import { Module } from '@nestjs/common';
import { GetDistributorController } from './get-distributor/get-distributor.controller';
import { GetDistributorHandler } from './get-distributor/get-distributor.handler';
import { RegisterDistributorController } from './register-distributor/register-distributor.controller';
import { RegisterDistributorHandler } from './register-distributor/register-distributor.handler';
import { RenameDistributorController } from './rename-distributor/rename-distributor.controller';
import { RenameDistributorHandler } from './rename-distributor/rename-distributor.handler';

@Module({
  controllers: [RegisterDistributorController, RenameDistributorController, GetDistributorController],
  providers: [RegisterDistributorHandler, RenameDistributorHandler, GetDistributorHandler],
})
export class DistributorsModule {}
