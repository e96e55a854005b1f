import { useEffect, useRef } from 'react';

/**
 * Publishes an element's height as a CSS variable on <html>. Sticky bars stack on it (the
 * identity banner sits under the status bar) and scroll-padding keeps a focused field from
 * hiding behind them. Measured, because the bars wrap to more lines in portrait.
 */
export function useStickyHeight<T extends HTMLElement>(cssVar: string) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => root.style.setProperty(cssVar, `${el.offsetHeight}px`));
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty(cssVar);
    };
  }, [cssVar]);
  return ref;
}
