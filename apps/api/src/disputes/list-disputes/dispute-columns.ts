/** The CSV columns of GET /disputes, in order. */
import { sideKey, type Side } from '@cl/domain/shared/sides';
import type { CsvColumn } from '../../shared/csv';
import type { DisputeSummary } from '../dispute-view.dto';

const side = (s: Side | undefined): string | undefined => (s ? sideKey(s) : undefined);

export const DISPUTE_COLUMNS: readonly CsvColumn<DisputeSummary>[] = [
  { header: 'id', description: 'the dispute id', value: (d) => d.id },
  { header: 'status', description: 'open, resolved or withdrawn', value: (d) => d.status },
  { header: 'subjectKind', description: 'client, sale, price or obligation', value: (d) => d.subjectKind },
  { header: 'clientId', description: 'the client the subject names, if any', value: (d) => d.clientId },
  { header: 'saleId', description: 'a sale subject: the sale', value: (d) => (d.subject.kind === 'sale' ? d.subject.saleId : undefined) },
  { header: 'sku', description: 'a price subject: the product', value: (d) => (d.subject.kind === 'price' ? d.subject.sku : undefined) },
  { header: 'openedBy', description: "'company' or 'distributor:<id>'", value: (d) => side(d.openedBy) },
  { header: 'counterparty', description: 'the other party', value: (d) => side(d.parties.find((p) => sideKey(p) !== sideKey(d.openedBy))) },
  { header: 'origin', description: 'direct, claim or transfer-contest', value: (d) => d.originKind },
  { header: 'openedAt', description: 'ISO instant', value: (d) => d.openedAt },
  { header: 'closedAt', description: 'ISO instant it was resolved or withdrawn', value: (d) => d.closedAt },
  { header: 'resolvedBy', description: 'agreement or compliance', value: (d) => d.resolution?.by.kind },
  { header: 'decision', description: 'the outcome agreed or decided', value: (d) => d.resolution?.outcome.decision },
  {
    header: 'clientOwner',
    description: 'who owns the client after the resolution, when it says so',
    value: (d) => side(d.resolution?.outcome.clientOwner),
  },
  { header: 'withdrawalReason', description: 'why the opener withdrew it', value: (d) => d.withdrawal?.reason },
  { header: 'summary', description: "the opener's summary", value: (d) => d.summary },
  { header: 'proposals', description: 'how many resolutions were proposed', value: (d) => d.proposalsCount },
  { header: 'notes', description: 'how many notes were added', value: (d) => d.notesCount },
  { header: 'evidence', description: 'how many pieces of evidence were added', value: (d) => d.evidenceCount },
  { header: 'revision', description: "the dispute stream's revision", value: (d) => d.revision },
];
