// Editing a call tree: the event, and the calls in order, each naming a directory contact.
import { useTranslation } from '../../i18n';
import { useParams } from '../../ui/router';
import { CALL_TREE_EVENTS, callTreeBody, type CallTreeBody } from '../../../domain/schemas/calltree';
import { useContacts } from '../../data';
import { TextArea, TextField } from '../../ui/fields';
import { ItemTools, replaceAt, SelectField } from './admin-fields';
import { EditorShell } from './EditorShell';

export function CallTreeEditor() {
  const { t } = useTranslation();
  const id = useParams().id;
  const contacts = useContacts() ?? [];
  const empty: CallTreeBody = { title: '', event: 'other', summary: '', steps: [{ contactId: '', action: '' }], lang: 'fr' };
  return (
    <EditorShell<CallTreeBody> docType="calltree" docId={id === 'new' ? null : (id ?? null)} empty={empty} schema={callTreeBody}
      heading={(b) => (b ? t('admin.editCallTree', { title: b.title }) : t('admin.newCallTree'))}>
      {(tree, set, errors) => (
        <>
          <TextField label={t('admin.fields.title')} value={tree.title} error={errors.title} onChange={(e) => set({ ...tree, title: e.target.value })} />
          <SelectField label={t('admin.fields.event')} value={tree.event} onChange={(v) => set({ ...tree, event: CALL_TREE_EVENTS.find((ev) => ev === v) ?? tree.event })}>
            {CALL_TREE_EVENTS.map((ev) => <option key={ev} value={ev}>{t(`admin.events.${ev}`)}</option>)}
          </SelectField>
          <SelectField label={t('admin.fields.lang')} value={tree.lang} onChange={(v) => set({ ...tree, lang: v as 'fr' | 'en' })}>
            <option value="fr">{t('language.fr')}</option>
            <option value="en">{t('language.en')}</option>
          </SelectField>
          <TextArea label={t('admin.fields.summary')} value={tree.summary} error={errors.summary} onChange={(e) => set({ ...tree, summary: e.target.value })} />
          <fieldset className="list-editor">
            <legend className="field-label">{t('admin.fields.calls')}</legend>
            {errors.steps && <p className="field-error">{errors.steps}</p>}
            <ol className="list-editor-items">
              {tree.steps.map((s, i) => (
                <li key={i} className="list-editor-item">
                  <SelectField label={t('admin.fields.callContact', { n: i + 1 })} value={s.contactId} error={errors[`steps.${i}.contactId`]}
                    onChange={(v) => set({ ...tree, steps: replaceAt(tree.steps, i, { ...s, contactId: v }) })}>
                    <option value="">{t('admin.fields.chooseContact')}</option>
                    {contacts.map((c) => <option key={c.docId} value={c.docId}>{c.body.name}</option>)}
                  </SelectField>
                  <TextField label={t('admin.fields.callAction')} value={s.action} error={errors[`steps.${i}.action`]}
                    onChange={(e) => set({ ...tree, steps: replaceAt(tree.steps, i, { ...s, action: e.target.value }) })} />
                  <ItemTools items={tree.steps} index={i} set={(steps) => set({ ...tree, steps })} name={t('admin.fields.callContact', { n: i + 1 })} />
                </li>
              ))}
            </ol>
            <button type="button" className="button" onClick={() => set({ ...tree, steps: [...tree.steps, { contactId: '', action: '' }] })}>
              {t('admin.addCall')}
            </button>
          </fieldset>
        </>
      )}
    </EditorShell>
  );
}
