// The frame of every screen: header, the alarms (storage full, update), the sticky status bar,
// then the page. Print hides all of it (styles/print.css).
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { StatusBar } from '../features/sync/StatusBar';
import { UpdateBanner } from '../features/sync/UpdateBanner';
import { Header } from './Header';
import { StorageFullBanner } from './StorageFullBanner';

export function Layout() {
  const { t } = useTranslation();
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Header />
      <StorageFullBanner />
      <UpdateBanner />
      <StatusBar />
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
