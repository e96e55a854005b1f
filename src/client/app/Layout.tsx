// The frame of every screen: header, the update prompt, then a sticky block that stays on screen
// while the page scrolls (the storage-full alarm and the status bar), then the page.
// Print hides all of it (styles/print.css).
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from '../i18n';
import { useLocation } from '../ui/router';
import { useProvisionalDecisions } from '../data';
import { ProvisionalDecisionsContext } from '../ui/author-name';
import { StatusBar } from '../features/sync/StatusBar';
import { UpdateBanner } from '../features/sync/UpdateBanner';
import { Header } from './Header';
import { StorageFullBanner } from './StorageFullBanner';
import { SessionExpiredBanner } from './SessionExpiredBanner';
import { useStickyHeight } from '../ui/useStickyHeight';
import { useCompactChrome } from '../ui/useCompactChrome';
import { Loading } from '../ui/Loading';
import { ScreenLoadFailed } from './ScreenLoadFailed';
import { DowntimeBanner, DrillPrintMark } from '../features/downtime/DowntimeBanner';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const stickyRef = useStickyHeight<HTMLDivElement>('--status-bar-height');
  useCompactChrome();
  const { pathname } = useLocation();
  // What admins decided on the accounts enrolled offline that this tablet knows: every byline reads it.
  const decisions = useProvisionalDecisions();
  return (
    <ProvisionalDecisionsContext.Provider value={decisions}>
      <div className="app">
        <a href="#main" className="skip-link">
          {t('app.skipToContent')}
        </a>
        <Header />
        <UpdateBanner />
        <div className="sticky-top" ref={stickyRef}>
          <StorageFullBanner />
          <SessionExpiredBanner />
          <DowntimeBanner />
          <StatusBar />
        </div>
        <main id="main" className="app-main" tabIndex={-1}>
          <DrillPrintMark />
          {/* A screen opened for the first time loads its chunk (from the service worker's precache). */}
          <ScreenLoadFailed path={pathname}>
            <Suspense fallback={<Loading />}>
              {children}
            </Suspense>
          </ScreenLoadFailed>
        </main>
      </div>
    </ProvisionalDecisionsContext.Provider>
  );
}

