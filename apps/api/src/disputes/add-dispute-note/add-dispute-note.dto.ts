import { DISPUTE_LIMITS } from '@cl/domain/dispute';
import { DisputeTextProperty } from '../dispute.dto';

export class AddDisputeNoteDto {
  @DisputeTextProperty({
    example: 'We visited the client on 12 March; the purchasing manager confirmed our offer',
    max: DISPUTE_LIMITS.note,
    multiline: true,
  })
  text!: string;
}
