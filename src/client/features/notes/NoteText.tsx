// A note's content as the ward reads it: the target as a heading, then D / A / R.
import { useTranslation } from 'react-i18next';
import type { NoteBody } from '../../../domain/schemas';
import type { Version } from '../../../domain/project';
import { EntryByline } from '../../ui/EntryByline';
import { NOTE_FIELDS } from './note-body';

export function NoteFields({ body }: { body: NoteBody }) {
  const { t } = useTranslation();
  return (
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
  );
}

/** Who wrote a version, when, and on which tablet: "Written by … on … · tablet …". */
export function VersionByline({ version }: { version: Version }) {
  const { t } = useTranslation();
  const who =
    version.kind === 'amend'
      ? t('notes.amendedBy', { name: version.author.name })
      : version.kind === 'resolve'
        ? t('notes.resolvedBy', { name: version.author.name })
        : t('notes.writtenBy', { name: version.author.name });
  return <EntryByline who={who} iso={version.createdAt} deviceId={version.deviceId} flags={version.flags} />;
}
