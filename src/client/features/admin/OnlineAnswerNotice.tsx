// What an admin screen that reads the server (not the tablet) shows until it has its answer:
// loading, or why there is none — offline, the screen needs the network; otherwise the reason.
import { useTranslation } from '../../i18n';
import type { OnlineAnswer } from '../../data';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';

export function OnlineAnswerNotice({ answer }: { answer: OnlineAnswer<unknown> }) {
  const { t } = useTranslation();
  if (answer.state === 'loading') return <Loading />;
  if (answer.state === 'failed') return <Notice kind="warning">{answer.offline ? t('admin.needsNetwork') : t('admin.listUnavailable', { reason: answer.reason })}</Notice>;
  return null;
}
