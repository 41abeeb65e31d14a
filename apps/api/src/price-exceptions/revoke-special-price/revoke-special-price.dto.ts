import { DateProperty, ReasonProperty } from '../../sales/sale.dto';

export class RevokeSpecialPriceDto {
  @DateProperty('2026-05-01', 'sales dated on or after this day may no longer use it; from validFrom to the day after validTo')
  effectiveFrom!: string;

  @ReasonProperty('The client did not take the committed volume')
  reason!: string;
}
