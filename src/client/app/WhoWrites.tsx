// Who is writing, on every screen (a shared tablet: the name on each note comes from here), and
// the one-tap switch to another person. Switching locks the tablet and opens the sign-in page:
// her session, token and drafts stay, waiting for her PIN or password.
import { useTranslation } from '../i18n';
import { useLocation, useNavigate } from '../ui/router';
import { lockTablet, type SessionUser } from '../data';
import { useProvisionalDecision } from '../ui/author-name';

export function WhoWrites({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const decision = useProvisionalDecision(user.enrolledBy ? user.id : undefined);
  return (
    <div className="header-writer">
      <p className="header-writer-name">
        <span className="visually-hidden">{t('sessions.writerLabel')} </span>
        {t('sessions.writer', { name: user.name, role: t(`header.role.${user.role}`) })}
        {/* Enrolled offline: where IT's decision stands, as this tablet last learnt it. */}
        {user.enrolledBy && (
          <span className="header-writer-account">
            {' · '}
            {decision?.status === 'linked' ? t('sessions.provisional.linked', { account: decision.account.name }) : t(`sessions.provisional.${decision?.status ?? 'pending'}`)}
          </span>
        )}
      </p>
      <button
        type="button"
        className="button button--quiet header-switch"
        onClick={() => {
          void lockTablet();
          navigate('/login', { state: { from: pathname } });
        }}
      >
        {t('sessions.switchUser')}
      </button>
    </div>
  );
}
