// The fiches and call tree that go with the reason of a downtime, offered at once: on the
// declaration form as a preview (a link there would lose the form), on the episode as links.
import { useTranslation } from '../../i18n';
import { Link } from '../../ui/router';
import { guidesFor } from '../../../domain/downtime/reason-guides';
import type { DowntimeReason } from '../../../domain/schemas/downtime';
import { useCallTrees, useProcedures } from '../../data';

export function ReasonGuides({ reason, links }: { reason: DowntimeReason | null; links: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'fr';
  const procedures = useProcedures(lang);
  const callTrees = useCallTrees(lang);
  const found = guidesFor(reason, procedures ?? [], callTrees ?? []);
  const items = [
    ...found.procedures.map((p) => ({ key: p.docId, to: `/procedures/${p.docId}`, text: `${p.body.code ?? ''} ${p.body.title}`.trim() })),
    ...found.callTrees.map((c) => ({ key: c.docId, to: `/directory/call-trees/${c.docId}`, text: c.body.title })),
  ];
  if (items.length === 0) return null;
  return (
    <section className="reason-guides" aria-labelledby="reason-guides-title">
      <h4 id="reason-guides-title">{links ? t('downtimeGuides.title') : t('downtimeGuides.preview')}</h4>
      <ul className="card-list">
        {items.map((i) => (
          <li key={i.key}>{links ? <Link to={i.to} className="button reason-guide">{i.text}</Link> : i.text}</li>
        ))}
      </ul>
    </section>
  );
}
