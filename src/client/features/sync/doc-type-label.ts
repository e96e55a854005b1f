// A document type in the ward's words, for the lists of the sync page.
import type { TFunction } from '../../i18n';

const DOC_TYPES = ['note', 'patient', 'unit', 'form', 'template', 'procedure', 'contact', 'calltree', 'downtime', 'checklist', 'backentry'] as const;

export function docTypeLabel(docType: string, t: TFunction): string {
  return (DOC_TYPES as readonly string[]).includes(docType)
    ? t(`sync.docType.${docType as (typeof DOC_TYPES)[number]}`)
    : t('sync.docType.other', { type: docType });
}
