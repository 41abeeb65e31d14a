import { ReasonProperty, SaleLineDto, SaleLinesProperty } from '../sale.dto';

export class CorrectSaleDto {
  @SaleLinesProperty()
  lines!: SaleLineDto[];

  @ReasonProperty('The invoice listed 3 pumps, not 2')
  reason!: string;
}
