// The receiving nurse confirms a handover in her own words. The author cannot: the point is that
// a second person has understood it. Autosaved like any draft.
import { useTranslation } from '../../i18n';
import type { DocState } from '../../../domain/project';
import { confirmHandover, handoverAuthors, useSession } from '../../data';
import { Notice } from '../../ui/Notice';
import { confirmDraftKey } from '../forms/drafts';
import { ShortTextForm, type ShortTextWords } from '../editing/ShortTextForm';

const words: ShortTextWords = {
  title: 'handover.confirmTitle',
  label: 'handover.synthesis',
  hint: 'handover.synthesisHint',
  required: 'handover.synthesisRequired',
  save: 'handover.confirmSave',
  saving: 'forms.saving',
  cancel: 'confirm.cancel',
};

export function ReceiverConfirm({ doc, onDone }: { doc: DocState; onDone: (outcome: 'saved' | 'discarded') => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  if (user && handoverAuthors(doc).has(user.id)) return <Notice kind="warning">{t('handover.ownHandover')}</Notice>;
  return (
    <ShortTextForm
      draftKey={confirmDraftKey(doc.docId)}
      draftField="synthesis"
      words={words}
      headingLevel={3}
      className="receiver-form"
      commit={(text) => confirmHandover(doc, text)}
      onDone={onDone}
    />
  );
}
