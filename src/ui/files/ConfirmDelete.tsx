/** The inline "are you sure?" step before a delete: a named group with Confirm delete and Cancel. */
import type { ReactNode } from 'react';

interface Props {
  /** The group's accessible name, e.g. "Delete notes.txt?". */
  label: string;
  /** The question shown before the buttons. */
  children: ReactNode;
  className: string;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDelete({ label, children, className, onConfirm, onCancel }: Props) {
  return (
    <span className={className} role="group" aria-label={label}>
      <span>{children}</span>
      <button type="button" className="danger" onClick={onConfirm}>
        Confirm delete
      </button>
      {/* Focus lands on the safe choice, so a stray Enter keeps the data. */}
      <button type="button" autoFocus onClick={onCancel}>
        Cancel
      </button>
    </span>
  );
}
