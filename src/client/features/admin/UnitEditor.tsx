// Editing a ward. Its code names its scope (unit:<code>), so it is fixed once created: a new
// code would strand the ward's patients and notes in the old scope.
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { useParams } from '../../ui/router';
import { z } from 'zod';
import { DEFAULT_AUTO_LOCK_MINUTES, DEFAULT_NOTE_TARGETS, typedUnit, unitBody, type UnitBody } from '../../../domain/schemas';
import { TextArea, TextField } from '../../ui/fields';
import { withEnglish } from './admin-fields';
import { EditorShell } from './EditorShell';

// The frequent cibles are typed one per line; blank lines and spaces are dropped on saving, and
// an empty list means the defaults.
const editedUnit = z.preprocess((b: UnitBody) => typedUnit(b), unitBody);

/** Empty means the default; anything else goes to the schema as a number, to accept or refuse. */
function withAutoLock(u: UnitBody, typed: string): UnitBody {
  const { autoLockMinutes: _, ...rest } = u;
  return typed.trim() === '' ? rest : { ...rest, autoLockMinutes: Number(typed.trim().replace(',', '.')) };
}

/** The ward's auto-lock minutes. What she typed stays on screen (a refused "3x" is not shown as NaN). */
function AutoLockField({ unit, set, error }: { unit: UnitBody; set: (next: UnitBody) => void; error: string | undefined }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState<string | null>(null);
  return (
    <TextField label={t('admin.fields.autoLock')} hint={t('admin.fields.autoLockHint', { default: DEFAULT_AUTO_LOCK_MINUTES })}
      inputMode="numeric" value={typed ?? String(unit.autoLockMinutes ?? '')} error={error && t('admin.fields.autoLockRange')}
      onChange={(e) => {
        setTyped(e.target.value);
        set(withAutoLock(unit, e.target.value));
      }} />
  );
}

export function UnitEditor() {
  const { t } = useTranslation();
  const id = useParams().id;
  const isNew = id === 'new';
  return (
    <EditorShell<UnitBody> docType="unit" docId={isNew ? null : (id ?? null)} empty={{ code: '', name: '' }} schema={editedUnit}
      heading={(b) => (b ? t('admin.editUnit', { code: b.code }) : t('admin.newUnit'))}>
      {(u, set, errors) => (
        <>
          <TextField label={t('admin.fields.unitCodeField')} hint={isNew ? t('admin.fields.unitCodeHint') : t('admin.fields.unitCodeFixed')}
            value={u.code} readOnly={!isNew} error={errors.code} onChange={(e) => set({ ...u, code: e.target.value.toUpperCase() })} />
          <TextField label={t('admin.fields.unitName')} value={u.name} error={errors.name} onChange={(e) => set({ ...u, name: e.target.value })} />
          <TextField label={t('admin.fields.unitNameEn')} hint={t('admin.fields.englishHint')} value={u.nameEn ?? ''} error={errors.nameEn}
            onChange={(e) => set(withEnglish(u, 'nameEn', e.target.value))} />
          <TextArea label={t('admin.fields.noteTargets')} hint={t('admin.fields.noteTargetsHint', { defaults: DEFAULT_NOTE_TARGETS.join(', ') })}
            rows={6} value={(u.noteTargets ?? []).join('\n')} error={errors.noteTargets ?? Object.entries(errors).find(([k]) => k.startsWith('noteTargets.'))?.[1]}
            onChange={(e) => set({ ...u, noteTargets: e.target.value.split('\n') })} />
          <AutoLockField unit={u} set={set} error={errors.autoLockMinutes} />
        </>
      )}
    </EditorShell>
  );
}
