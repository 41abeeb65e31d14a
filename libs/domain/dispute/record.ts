/**
 * What the parties say and show while the dispute is open: notes, and references to documents kept
 * elsewhere (a DMS id, a URL). Both stay on the timeline compliance reads.
 */
import { sameSide, type Side } from '../shared/sides';
import type { AddDisputeEvidence, AddDisputeNote } from './commands';
import { DisputeErrors } from './errors';
import type { DisputeEvent } from './events';
import { existing, partyOf, requireOpen, requireValid } from './rules';
import type { DisputeState } from './state';
import * as check from './validate';

export function addNote(cmd: AddDisputeNote, state: DisputeState): DisputeEvent[] {
  const { actor, now } = cmd.context;
  const dispute = existing(state, cmd.data.disputeId);
  const by = partyOf(actor, dispute);
  const out: check.Errors = [];
  const noteId = check.id(out, 'noteId', cmd.data.noteId);
  const text = check.text(out, 'text', cmd.data.text, check.DISPUTE_LIMITS.note);
  const note = requireValid(out, noteId && text ? { noteId, text } : undefined);
  requireOpen(dispute);
  const earlier = dispute.notes.find((n) => n.noteId === note.noteId);
  if (earlier && isRetry(earlier, by, earlier.text === note.text)) return [];
  if (earlier) throw DisputeErrors.duplicateId('noteId', note.noteId);
  return [{ type: 'DisputeNoteAdded', data: { disputeId: dispute.disputeId, ...note, by, addedAt: now.toISOString() } }];
}

export function addEvidence(cmd: AddDisputeEvidence, state: DisputeState): DisputeEvent[] {
  const { actor, now } = cmd.context;
  const dispute = existing(state, cmd.data.disputeId);
  const by = partyOf(actor, dispute);
  const out: check.Errors = [];
  const evidenceId = check.id(out, 'evidenceId', cmd.data.evidenceId);
  const reference = check.text(out, 'reference', cmd.data.reference, check.DISPUTE_LIMITS.reference);
  const description = check.optionalText(out, 'description', cmd.data.description, check.DISPUTE_LIMITS.description);
  const item = requireValid(out, evidenceId && reference && description !== undefined ? { evidenceId, reference, description } : undefined);
  requireOpen(dispute);
  const earlier = dispute.evidence.find((e) => e.evidenceId === item.evidenceId);
  if (earlier && isRetry(earlier, by, earlier.reference === item.reference && earlier.description === item.description)) return [];
  if (earlier) throw DisputeErrors.duplicateId('evidenceId', item.evidenceId);
  return [{ type: 'DisputeEvidenceAdded', data: { disputeId: dispute.disputeId, ...item, by, addedAt: now.toISOString() } }];
}

/** The same id from the same side with the same content is a redelivery, not a second item. */
const isRetry = (earlier: { by: Side }, by: Side, sameContent: boolean): boolean => sameSide(earlier.by, by) && sameContent;
