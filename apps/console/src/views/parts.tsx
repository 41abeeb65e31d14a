/** Small pieces every view uses. */
import type { ComponentChildren } from 'preact';

export const ErrorNote = ({ text }: { text: string }) => (
  <p class="error" role="alert">
    {text}
  </p>
);

export const Loading = ({ when }: { when: boolean }) => (when ? <p class="muted">Loading…</p> : null);

export const Badge = ({ kind, children }: { kind: string; children: ComponentChildren }) => (
  <span class={`badge badge-${kind}`}>{children}</span>
);
