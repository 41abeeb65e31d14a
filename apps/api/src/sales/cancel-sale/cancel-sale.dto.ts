import { ReasonProperty } from '../sale.dto';

export class CancelSaleDto {
  @ReasonProperty('The client returned the goods unopened')
  reason!: string;
}
