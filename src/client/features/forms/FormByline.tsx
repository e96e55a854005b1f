import { useTranslation } from '../../i18n';
import { useAuthorName } from '../../ui/author-name';
import type { Version } from '../../../domain/project';
import { EntryByline } from '../../ui/EntryByline';

/** Who wrote a version of a form, when, and on which tablet. */
export function FormByline({ version }: { version: Version }) {
  const { t } = useTranslation();
  const nameOf = useAuthorName();
  const key = version.kind === 'amend' ? 'forms.amendedBy' : version.kind === 'resolve' ? 'forms.resolvedBy' : 'forms.writtenBy';
  return <EntryByline who={t(key, { name: nameOf(version.author) })} iso={version.createdAt} authorId={version.author.userId} deviceId={version.deviceId} flags={version.flags} />;
}
