// A charge nurse enrols a relief colleague on this tablet, offline (data/enrol.ts). The colleague
// types her temporary password herself, twice; the charge nurse types her own password again,
// which opens the tablet's data key for wrapping in the colleague's name.
import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { enrolColleague, EnrolError, useSession, type EnrolInput } from '../../data';
import { Notice } from '../../ui/Notice';
import { TextField } from '../../ui/fields';
import { usePageTitle } from '../../ui/usePageTitle';
import { useSubmit } from '../../ui/useSubmit';
import { SelectField } from '../admin/admin-fields';
import { loginErrorText } from '../login/login-errors';

const ROLES_BELOW: Record<string, readonly string[]> = { charge: ['nurse', 'charge'], admin: ['nurse', 'charge', 'admin'] };
const EMPTY = { name: '', username: '', role: 'nurse', password: '', passwordAgain: '', myPassword: '' };

export function EnrolPage() {
  const { t } = useTranslation();
  usePageTitle(t('enrol.title'));
  const { user } = useSession();
  const [form, setForm] = useState({ ...EMPTY, unitCode: user?.units[0] ?? '' });
  const { busy, message, onSubmit } = useSubmit();
  const roles = user && !user.enrolledBy ? (ROLES_BELOW[user.role] ?? []) : [];
  const set = (field: keyof EnrolInput) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const submit = onSubmit({
    run: async () => {
      const name = await enrolColleague({ ...form, unitCode: form.unitCode || (user?.units[0] ?? '') });
      setForm((f) => ({ ...EMPTY, unitCode: f.unitCode }));
      return t('enrol.done', { name });
    },
    failed: (err) => {
      setForm((f) => ({ ...f, password: '', passwordAgain: '', myPassword: '' }));
      return err instanceof EnrolError ? t(`enrol.problem.${err.problem}`) : loginErrorText(t, err);
    },
  });

  if (roles.length === 0) return <section className="page page--narrow"><h1>{t('enrol.title')}</h1><Notice kind="error">{t('enrol.notAllowed')}</Notice></section>;
  return (
    <section className="page page--narrow">
      <h1>{t('enrol.title')}</h1>
      <p className="field-hint">{t('enrol.help')}</p>
      {message && <Notice kind={message.ok ? 'success' : 'error'}>{message.text}</Notice>}
      <form className="form" onSubmit={submit} noValidate>
        <TextField label={t('enrol.name')} name="enrol-name" autoComplete="off" value={form.name} onChange={(e) => set('name')(e.target.value)} />
        <TextField label={t('enrol.username')} name="enrol-username" autoComplete="off" autoCapitalize="none" value={form.username} onChange={(e) => set('username')(e.target.value)} />
        <SelectField label={t('enrol.role')} value={form.role} onChange={set('role')}>
          {roles.map((r) => <option key={r} value={r}>{t(`header.role.${r as 'nurse'}`)}</option>)}
        </SelectField>
        {(user?.units.length ?? 0) > 1 && (
          <SelectField label={t('enrol.ward')} value={form.unitCode} onChange={set('unitCode')}>
            {user?.units.map((u) => <option key={u} value={u}>{u}</option>)}
          </SelectField>
        )}
        <TextField label={t('enrol.password')} name="enrol-password" type="password" autoComplete="new-password" value={form.password} onChange={(e) => set('password')(e.target.value)} />
        <TextField label={t('enrol.passwordAgain')} name="enrol-password-again" type="password" autoComplete="new-password" value={form.passwordAgain} onChange={(e) => set('passwordAgain')(e.target.value)} />
        <TextField label={t('enrol.myPassword')} name="enrol-my-password" type="password" autoComplete="current-password" value={form.myPassword} onChange={(e) => set('myPassword')(e.target.value)} />
        <button type="submit" className="button button--primary" disabled={busy}>{t('enrol.submit')}</button>
      </form>
    </section>
  );
}
