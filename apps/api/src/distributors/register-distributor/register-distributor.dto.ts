import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { applyAll, DistributorNameDto, ID_PATTERN, NormalizedString, TerritoryCodes } from '../distributor.dto';

export class RegisterDistributorDto extends DistributorNameDto {
  @ApiProperty({ example: 'acme', pattern: ID_PATTERN.source, description: 'Chosen by the company; becomes the distributorId claim of its tokens' })
  @NormalizedString()
  @IsString()
  @Matches(ID_PATTERN, { message: 'id must be 1–64 letters, digits, _ or -, starting with a letter or digit' })
  id!: string;

  @ApiProperty({ type: [String], example: ['PL-MZ', 'PL-LD'], description: 'ISO 3166-1/2 codes' })
  @applyAll(TerritoryCodes())
  territories!: string[];
}
