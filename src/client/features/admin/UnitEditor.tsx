// Editing a ward. Its code names its scope (unit:<code>), so it is fixed once created: a new
// code would strand the ward's patients and notes in the old scope.
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { unitBody, type UnitBody } from '../../../domain/schemas';
import { TextField } from '../../ui/fields';
import { EditorShell } from './EditorShell';

export function UnitEditor() {
  const { t } = useTranslation();
  const id = useParams().id;
  const isNew = id === 'new';
  return (
    <EditorShell<UnitBody> docType="unit" docId={isNew ? null : (id ?? null)} empty={{ code: '', name: '' }} schema={unitBody}
      heading={(b) => (b ? t('admin.editUnit', { code: b.code }) : t('admin.newUnit'))}>
      {(u, set, errors) => (
        <>
          <TextField label={t('admin.fields.unitCodeField')} hint={isNew ? t('admin.fields.unitCodeHint') : t('admin.fields.unitCodeFixed')}
            value={u.code} readOnly={!isNew} error={errors.code} onChange={(e) => set({ ...u, code: e.target.value.toUpperCase() })} />
          <TextField label={t('admin.fields.unitName')} value={u.name} error={errors.name} onChange={(e) => set({ ...u, name: e.target.value })} />
        </>
      )}
    </EditorShell>
  );
}
