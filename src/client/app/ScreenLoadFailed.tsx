// A screen whose code could not be loaded: its chunk is fetched on first visit, from the service
// worker's precache, so this only happens offline before the tablet finished installing the app
// (or on a bug in the screen itself). Without this boundary React would leave a blank page; here
// the header, the status bar and every other screen stay usable, and the nurse can try again.
import { Component, type ReactNode } from 'react';
import { useTranslation } from '../i18n';
import { Notice } from '../ui/Notice';

function LoadFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="page">
      <Notice kind="error">{t('app.screenLoadFailed')}</Notice>
      <p>
        <button type="button" className="button" onClick={onRetry}>
          {t('app.retry')}
        </button>
      </p>
    </section>
  );
}

interface Props {
  /** The address on screen: moving to another screen clears the failure. */
  path: string;
  children: ReactNode;
}

export class ScreenLoadFailed extends Component<Props, { failedAt: string | null }> {
  override state = { failedAt: null as string | null };

  static getDerivedStateFromError(): { failedAt: string | null } {
    return { failedAt: window.location.pathname };
  }

  override componentDidCatch(error: unknown): void {
    console.error('screen failed to load', error);
  }

  override render(): ReactNode {
    if (this.state.failedAt !== null && this.state.failedAt === this.props.path) {
      // A reload asks the service worker again (and the network, if there is one).
      return <LoadFailed onRetry={() => window.location.reload()} />;
    }
    return this.props.children;
  }
}
