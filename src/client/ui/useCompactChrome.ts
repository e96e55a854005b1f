import { useEffect } from 'react';

// Scrolled past this, the sticky chrome folds to one line; back above the lower mark, it unfolds.
// Two marks, so the fold's own change of height cannot make it flicker.
const FOLD_AT = 64;
const UNFOLD_AT = 8;
// A page with less than this to scroll never folds: folding would leave it nothing to scroll,
// snap it back to the top, unfold it, and start again.
const MIN_SCROLL = 320;

/**
 * Sets data-chrome="compact" on <html> while the page is scrolled down, so the status bar, the
 * downtime banner and the identity banner take one line each at most (styles/chrome.css) and
 * leave the screen to the notes and forms.
 */
export function useCompactChrome(): void {
  useEffect(() => {
    const root = document.documentElement;
    const update = () => {
      const compact = root.dataset.chrome === 'compact';
      const room = root.scrollHeight - window.innerHeight;
      const next = compact ? window.scrollY > UNFOLD_AT : window.scrollY > FOLD_AT && room > MIN_SCROLL;
      if (next !== compact) {
        if (next) root.dataset.chrome = 'compact';
        else delete root.dataset.chrome;
      }
    };
    window.addEventListener('scroll', update, { passive: true });
    update();
    return () => {
      window.removeEventListener('scroll', update);
      delete root.dataset.chrome;
    };
  }, []);
}
