import { useTranslation } from 'react-i18next';
import type { Version } from '../../../domain/project';
import { Timestamp, shortDeviceId } from '../../ui/Timestamp';

/** Who wrote a version of a form, when, and on which tablet. */
export function FormByline({ version }: { version: Version }) {
  const { t } = useTranslation();
  const key = version.kind === 'amend' ? 'forms.amendedBy' : version.kind === 'resolve' ? 'forms.resolvedBy' : 'forms.writtenBy';
  return (
    <p className="byline">
      {t(key, { name: version.author.name })}, <Timestamp iso={version.createdAt} /> · {t('notes.device', { id: shortDeviceId(version.deviceId) })}
    </p>
  );
}
