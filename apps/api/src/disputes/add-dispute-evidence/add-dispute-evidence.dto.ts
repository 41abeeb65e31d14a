import { DISPUTE_LIMITS } from '@cl/domain/dispute';
import { DisputeTextProperty } from '../dispute.dto';

/** Evidence is a reference to a document kept elsewhere (a DMS id, a URL), never the document itself. */
export class AddDisputeEvidenceDto {
  @DisputeTextProperty({
    example: 'dms://invoices/2024/0042',
    max: DISPUTE_LIMITS.reference,
    multiline: false,
    description: 'where the document is kept: a DMS id or a URL',
  })
  reference!: string;

  @DisputeTextProperty({ example: 'Invoice of March 2024 for 40 pumps', max: DISPUTE_LIMITS.description, multiline: true })
  description!: string;
}
