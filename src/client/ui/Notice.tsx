// A boxed message inside a page. `alert` is for what went wrong (read out at once),
// `status` for confirmations. The kind is spelt out by an icon and the text, not the colour.
import type { ReactNode } from 'react';
import { CheckIcon, WarningIcon } from './icons';

type Kind = 'error' | 'warning' | 'info' | 'success';

interface Props {
  kind: Kind;
  children: ReactNode;
  className?: string;
  /** false for a standing marker (a rejected note in a list): read in place, not announced. */
  live?: boolean;
}

export function Notice({ kind, children, className, live = true }: Props) {
  const role = !live ? undefined : kind === 'error' || kind === 'warning' ? 'alert' : 'status';
  return (
    <div className={`notice notice--${kind}${className ? ` ${className}` : ''}`} role={role}>
      {kind === 'success' ? <CheckIcon /> : kind === 'info' ? null : <WarningIcon />}
      <div className="notice-text">{children}</div>
    </div>
  );
}
