// One of the versions two tablets wrote at once, side by side with the others: its number, who
// wrote it, what it says, and the button that starts from it (a whole form or one round).
import type { ReactNode } from 'react';

interface Props {
  label: string;
  byline: ReactNode;
  chooseLabel: string;
  busy?: boolean;
  onChoose: () => void;
  children: ReactNode;
}

export function VersionColumn({ label, byline, chooseLabel, busy = false, onChoose, children }: Props) {
  return (
    <section className="version">
      <p className="version-label">{label}</p>
      {byline}
      {children}
      <button type="button" className="button button--primary" disabled={busy} onClick={onChoose}>
        {chooseLabel}
      </button>
    </section>
  );
}
