// Editing a directory entry: name, service, on call or not, and every way to reach them.
import { useTranslation } from '../../i18n';
import { useParams } from '../../ui/router';
import { contactBody, PHONE_KINDS, type ContactBody, type PhoneKind } from '../../../domain/schemas/contact';
import type { UnitBody } from '../../../domain/schemas';
import { useReference } from '../../data';
import { TextArea, TextField } from '../../ui/fields';
import { Checkbox, ItemTools, replaceAt, SelectField, withEnglish } from './admin-fields';
import { EditorShell } from './EditorShell';

export function ContactEditor() {
  const { t } = useTranslation();
  const id = useParams().id;
  const units = (useReference<UnitBody>('unit') ?? []).map((u) => u.body).sort((a, b) => a.code.localeCompare(b.code));
  const empty: ContactBody = { name: '', role: '', service: '', phones: [{ label: 'DECT', number: '', kind: 'dect' }], notes: '', onCall: false };
  return (
    <EditorShell<ContactBody> docType="contact" docId={id === 'new' ? null : (id ?? null)} empty={empty} schema={contactBody}
      heading={(b) => (b ? t('admin.editContact', { name: b.name }) : t('admin.newContact'))}>
      {(c, set, errors) => (
        <>
          <TextField label={t('admin.fields.name')} value={c.name} error={errors.name} onChange={(e) => set({ ...c, name: e.target.value })} />
          <TextField label={t('admin.fields.role')} value={c.role} error={errors.role} onChange={(e) => set({ ...c, role: e.target.value })} />
          <TextField label={t('admin.fields.service')} value={c.service} error={errors.service} onChange={(e) => set({ ...c, service: e.target.value })} />
          <Checkbox label={t('admin.fields.onCall')} checked={c.onCall} onChange={(v) => set({ ...c, onCall: v })} />
          <SelectField label={t('admin.fields.unitCode')} value={c.unitCode ?? ''}
            onChange={(v) => {
              const { unitCode: _old, ...rest } = c;
              set(v ? { ...rest, unitCode: v } : rest);
            }}>
            <option value="">{t('admin.fields.unitCodeNone')}</option>
            {units.map((u) => <option key={u.code} value={u.code}>{u.code} · {u.name}</option>)}
          </SelectField>
          <fieldset className="list-editor">
            <legend className="field-label">{t('admin.fields.phones')}</legend>
            {errors.phones && <p className="field-error">{errors.phones}</p>}
            <ol className="list-editor-items">
              {c.phones.map((p, i) => (
                <li key={i} className="list-editor-item list-editor-item--row">
                  <SelectField label={t('admin.fields.phoneKind')} value={p.kind}
                    onChange={(v) => set({ ...c, phones: replaceAt(c.phones, i, { ...p, kind: v as PhoneKind }) })}>
                    {PHONE_KINDS.map((k) => <option key={k} value={k}>{t(`directory.kinds.${k}`)}</option>)}
                  </SelectField>
                  <TextField label={t('admin.fields.phoneLabel')} value={p.label} error={errors[`phones.${i}.label`]}
                    onChange={(e) => set({ ...c, phones: replaceAt(c.phones, i, { ...p, label: e.target.value }) })} />
                  <TextField label={t('admin.fields.phoneLabelEn')} value={p.labelEn ?? ''} error={errors[`phones.${i}.labelEn`]}
                    onChange={(e) => set({ ...c, phones: replaceAt(c.phones, i, withEnglish(p, 'labelEn', e.target.value)) })} />
                  <TextField label={t('admin.fields.phoneNumber')} value={p.number} error={errors[`phones.${i}.number`]}
                    onChange={(e) => set({ ...c, phones: replaceAt(c.phones, i, { ...p, number: e.target.value }) })} />
                  <ItemTools items={c.phones} index={i} set={(phones) => set({ ...c, phones })} name={p.label || t('admin.fields.phones')} />
                </li>
              ))}
            </ol>
            <button type="button" className="button" onClick={() => set({ ...c, phones: [...c.phones, { label: '', number: '', kind: 'mobile' }] })}>
              {t('admin.addPhone')}
            </button>
          </fieldset>
          <TextArea label={t('admin.fields.notes')} value={c.notes} error={errors.notes} onChange={(e) => set({ ...c, notes: e.target.value })} />
        </>
      )}
    </EditorShell>
  );
}
