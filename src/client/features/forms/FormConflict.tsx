// A form two tablets changed at the same time: every version side by side, each with its author;
// the answers that differ marked in each; the nurse picks one to start from, corrects it and
// saves a resolve naming all of them.
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { differingPaths, valuesFromResponse, type Env, type Questionnaire, type QuestionnaireResponse } from '../../../domain/questionnaire';
import type { DocOf } from '../../../domain/doc-bodies';
import { resolveForm } from '../../data';
import { Notice } from '../../ui/Notice';
import { resolveFormDraftKey } from './drafts';
import { FormByline } from './FormByline';
import { FormEditor } from './FormEditor';
import { ResponseView } from './ResponseView';
import { VersionColumn } from './VersionColumn';

interface Props {
  doc: DocOf<'form'>;
  template: Questionnaire;
  hasDraft: boolean;
  /** %patient, for the form's calculations. */
  launch: Env;
  onDone: (outcome: 'saved' | 'discarded') => void;
}

export function FormConflict({ doc, template, hasDraft, launch, onDone }: Props) {
  const { t } = useTranslation();
  const [start, setStart] = useState<{ response: QuestionnaireResponse; heads: string[] } | null>(null);
  if (start || hasDraft)
    return (
      <FormEditor
        title={t('forms.resolveTitle')}
        template={template}
        draftKey={resolveFormDraftKey(doc.docId)}
        initial={valuesFromResponse(template, start?.response ?? { item: [] })}
        baseHeads={start?.heads ?? [...doc.heads]}
        saveLabel={t('forms.resolveSave')}
        launch={launch}
        onSave={(values, heads) => resolveForm(doc.docId, heads ?? doc.heads, template, values)}
        onDone={(o) => {
          setStart(null);
          onDone(o);
        }}
      />
    );
  const differs = differingPaths(doc.headVersions.map((v) => v.body.item));
  return (
    <div className="conflict">
      <Notice kind="warning">{t('forms.conflictHelp')}</Notice>
      <div className="versions">
        {doc.headVersions.map((v, i) => (
          <VersionColumn
            key={v.entryId}
            label={t('notes.version', { n: i + 1 })}
            byline={<FormByline version={v} />}
            chooseLabel={t('forms.chooseVersion')}
            onChoose={() => setStart({ response: v.body, heads: [...doc.heads] })}
          >
            <ResponseView template={template} response={v.body} differs={differs} />
          </VersionColumn>
        ))}
      </div>
    </div>
  );
}
