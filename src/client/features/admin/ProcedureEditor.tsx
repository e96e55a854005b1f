// Editing a procedure (fiche réflexe): its text, the steps a checklist ticks, wards, roles and
// review dates. Each save is a new version; the history below keeps every author.
import { useTranslation } from '../../i18n';
import { useParams } from '../../ui/router';
import { CARE_ROLES } from '../../../domain/roles';
import { PROCEDURE_CATEGORIES, procedureBody, type ProcedureBody } from '../../../domain/schemas/procedure';
import type { UnitBody } from '../../../domain/schemas';
import { useReference } from '../../data';
import { TextArea, TextField } from '../../ui/fields';
import { Checkbox, ItemTools, replaceAt, SelectField } from './admin-fields';
import { EditorShell } from './EditorShell';

const today = () => new Date().toISOString().slice(0, 10);
const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

export function ProcedureEditor() {
  const { t } = useTranslation();
  const id = useParams().id;
  const units = (useReference<UnitBody>('unit') ?? []).map((u) => u.body.code).sort();
  const empty: ProcedureBody = {
    title: '', category: 'information-system', units: 'all', roles: ['nurse', 'charge'], summary: '',
    steps: [{ text: '', checklist: true }], owner: '', reviewedAt: today(), nextReviewAt: inAYear(), lang: 'fr',
  };
  return (
    <EditorShell<ProcedureBody> docType="procedure" docId={id === 'new' ? null : (id ?? null)} empty={empty} schema={procedureBody}
      heading={(b) => (b ? t('admin.editProcedure', { title: b.title }) : t('admin.newProcedure'))}>
      {(p, set, errors) => {
        const unitList = p.units === 'all' ? [] : p.units;
        return (
          <>
            <TextField label={t('admin.fields.title')} value={p.title} error={errors.title} onChange={(e) => set({ ...p, title: e.target.value })} />
            <TextField label={t('admin.fields.code')} hint={t('admin.fields.codeHint')} value={p.code ?? ''} error={errors.code}
              onChange={(e) => {
                const { code: _old, ...rest } = p;
                set(e.target.value.trim() ? { ...rest, code: e.target.value.trim().toUpperCase() } : rest);
              }} />
            <SelectField label={t('admin.fields.category')} value={p.category} onChange={(v) => set({ ...p, category: PROCEDURE_CATEGORIES.find((c) => c === v) ?? p.category })}>
              {PROCEDURE_CATEGORIES.map((c) => <option key={c} value={c}>{t(`procedures.categories.${c}`)}</option>)}
            </SelectField>
            <SelectField label={t('admin.fields.lang')} value={p.lang} onChange={(v) => set({ ...p, lang: v as 'fr' | 'en' })}>
              <option value="fr">{t('language.fr')}</option>
              <option value="en">{t('language.en')}</option>
            </SelectField>
            <fieldset className="choice-group">
              <legend className="field-label">{t('admin.fields.units')}</legend>
              {errors.units && <p className="field-error">{errors.units}</p>}
              <Checkbox label={t('procedures.allWards')} checked={p.units === 'all'} onChange={(v) => set({ ...p, units: v ? 'all' : units.slice(0, 1) })} />
              {p.units !== 'all' && units.map((u) => (
                <Checkbox key={u} label={u} checked={unitList.includes(u)}
                  onChange={(v) => set({ ...p, units: v ? [...unitList, u] : unitList.filter((x) => x !== u) })} />
              ))}
            </fieldset>
            <fieldset className="choice-group">
              <legend className="field-label">{t('admin.fields.roles')}</legend>
              {errors.roles && <p className="field-error">{errors.roles}</p>}
              {CARE_ROLES.map((r) => (
                <Checkbox key={r} label={t(`procedures.roles.${r}`)} checked={p.roles.includes(r)}
                  onChange={(v) => set({ ...p, roles: v ? [...p.roles, r] : p.roles.filter((x) => x !== r) })} />
              ))}
            </fieldset>
            <TextArea label={t('admin.fields.summary')} value={p.summary} error={errors.summary} onChange={(e) => set({ ...p, summary: e.target.value })} />
            <fieldset className="list-editor">
              <legend className="field-label">{t('admin.fields.steps')}</legend>
              {errors.steps && <p className="field-error">{errors.steps}</p>}
              <ol className="list-editor-items">
                {p.steps.map((s, i) => (
                  <li key={i} className="list-editor-item">
                    <TextArea label={t('admin.fields.step', { n: i + 1 })} value={s.text} error={errors[`steps.${i}.text`]}
                      onChange={(e) => set({ ...p, steps: replaceAt(p.steps, i, { ...s, text: e.target.value }) })} />
                    <Checkbox label={t('admin.fields.stepChecklist')} checked={s.checklist}
                      onChange={(v) => set({ ...p, steps: replaceAt(p.steps, i, { ...s, checklist: v }) })} />
                    <ItemTools items={p.steps} index={i} set={(steps) => set({ ...p, steps })} name={t('admin.fields.step', { n: i + 1 })} />
                  </li>
                ))}
              </ol>
              <button type="button" className="button" onClick={() => set({ ...p, steps: [...p.steps, { text: '', checklist: true }] })}>
                {t('admin.addStep')}
              </button>
            </fieldset>
            <TextField label={t('admin.fields.owner')} value={p.owner} error={errors.owner} onChange={(e) => set({ ...p, owner: e.target.value })} />
            <TextField label={t('admin.fields.reviewedAt')} type="date" value={p.reviewedAt} error={errors.reviewedAt}
              onChange={(e) => set({ ...p, reviewedAt: e.target.value })} />
            <TextField label={t('admin.fields.nextReviewAt')} type="date" value={p.nextReviewAt} error={errors.nextReviewAt}
              onChange={(e) => set({ ...p, nextReviewAt: e.target.value })} />
          </>
        );
      }}
    </EditorShell>
  );
}
