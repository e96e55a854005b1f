// A disclosure button and its panel, for what a screen needs now and then but not at every tap
// (the header's menu: who is signed in, language, settings). A native <details>: it works with
// a keyboard and a screen reader as it is. It closes on a tap outside, on Escape (focus goes back
// to the button) and when the page changes.
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from './router';

interface Props {
  summary: ReactNode;
  className?: string;
  summaryClassName?: string;
  children: ReactNode;
}

export function MenuDisclosure({ summary, className, summaryClassName, children }: Props) {
  const ref = useRef<HTMLDetailsElement>(null);
  const { pathname } = useLocation();

  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);

  useEffect(() => {
    function onPointerDown(e: PointerEvent) {
      const d = ref.current;
      if (d?.open && !d.contains(e.target as Node)) d.open = false;
    }
    function onKeyDown(e: KeyboardEvent) {
      const d = ref.current;
      if (e.key !== 'Escape' || !d?.open) return;
      d.open = false;
      d.querySelector('summary')?.focus();
    }
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  return (
    <details ref={ref} className={className ? `menu-disclosure ${className}` : 'menu-disclosure'}>
      <summary className={summaryClassName}>{summary}</summary>
      <div className="menu-disclosure-panel">{children}</div>
    </details>
  );
}
