import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { ClientReasonProperty } from '../client-command.dto';
import { SideDto } from '../client.dto';

export class HandOverClientDto {
  @ApiProperty({ type: SideDto, description: 'the side that owns the client from now on; a distributor must be registered' })
  @IsDefined()
  @ValidateNested()
  @Type(() => SideDto)
  to!: SideDto;

  @ClientReasonProperty(true, 'The client moved its purchasing to the distributor’s region')
  reason!: string;
}
