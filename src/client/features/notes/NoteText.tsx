// A note's content as the ward reads it: the target as a heading, then D / A / R.
import { useTranslation } from '../../i18n';
import { useAuthorName } from '../../ui/author-name';
import { isLateEntry, type NoteBody } from '../../../domain/schemas';
import type { Version } from '../../../domain/project';
import { EntryByline } from '../../ui/EntryByline';
import { useFormat } from '../../i18n';
import { NOTE_FIELDS } from './note-body';

/** When it was observed, and "late entry" when it was typed well after. */
function ObservedAt({ body, writtenAt }: { body: NoteBody; writtenAt: string | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!body.observedAt) return null;
  return (
    <p className="note-observed">
      {t('notes.observedAt', { time: f.dateTime(body.observedAt) })}
      {writtenAt && isLateEntry(body.observedAt, writtenAt) && <strong> · {t('notes.lateEntry')}</strong>}
    </p>
  );
}

export function NoteFields({ body, writtenAt }: { body: NoteBody; writtenAt?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
    <ObservedAt body={body} writtenAt={writtenAt} />
    <dl className="dar">
      {NOTE_FIELDS.map((f) => (
        <div key={f} className="dar-row">
          <dt>
            <abbr title={t(`notes.${f}`)} className="dar-letter" aria-hidden="true">
              {t(`notes.short.${f}`)}
            </abbr>
            <span className="dar-word">{t(`notes.${f}`)}</span>
          </dt>
          <dd>{body[f].trim() ? body[f] : <span className="muted">{t('notes.empty')}</span>}</dd>
        </div>
      ))}
    </dl>
    </>
  );
}

/** Who wrote a version, when, and on which tablet: "Written by … on … · tablet …". */
export function VersionByline({ version }: { version: Version }) {
  const { t } = useTranslation();
  const nameOf = useAuthorName();
  const who =
    version.kind === 'amend'
      ? t('notes.amendedBy', { name: nameOf(version.author) })
      : version.kind === 'resolve'
        ? t('notes.resolvedBy', { name: nameOf(version.author) })
        : t('notes.writtenBy', { name: nameOf(version.author) });
  return <EntryByline who={who} iso={version.createdAt} authorId={version.author.userId} deviceId={version.deviceId} flags={version.flags} />;
}
