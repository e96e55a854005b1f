// The prescriptions the HIS sent for this patient: the ones in force in a table, the stopped and
// cancelled ones folded away below it. Read only: the pharmacy system owns them.
import { useTranslation } from '../../i18n';
import type { MedicationOrderBody } from '../../../domain/schemas';
import type { HisDoc, PatientHisData } from '../../data';
import { useFormat } from '../../i18n';

function OrderRows({ orders }: { orders: HisDoc<MedicationOrderBody>[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      {orders.map(({ docId, body: o }) => (
        <tr key={docId}>
          <th scope="row">
            {o.drug}
            {o.comment && <span className="his-comment">{o.comment}</span>}
          </th>
          <td>{`${o.dose} ${o.doseUnit}`.trim()}</td>
          <td>{o.route}</td>
          <td>
            {o.prn ? t('his.orders.prn') : o.frequency}
            {o.times.length > 0 && <span className="his-times">{o.times.join(' · ')}</span>}
          </td>
          <td>
            {f.dateTime(o.start)}
            {o.status !== 'active' && <span className="badge">{o.stop ? t('his.orders.stoppedAt', { date: f.dateTime(o.stop) }) : t(`his.orders.status.${o.status}`)}</span>}
          </td>
          <td>{o.prescriber}</td>
        </tr>
      ))}
    </>
  );
}

function OrdersTable({ orders, caption }: { orders: HisDoc<MedicationOrderBody>[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table his-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('his.orders.drug')}</th>
            <th scope="col">{t('his.orders.dose')}</th>
            <th scope="col">{t('his.orders.route')}</th>
            <th scope="col">{t('his.orders.when')}</th>
            <th scope="col">{t('his.orders.since')}</th>
            <th scope="col">{t('his.orders.prescriber')}</th>
          </tr>
        </thead>
        <tbody>
          <OrderRows orders={orders} />
        </tbody>
      </table>
    </div>
  );
}

export function PrescriptionsSection({ data }: { data: PatientHisData }) {
  const { t } = useTranslation();
  return (
    <section className="his-section">
      <div className="section-header">
        <h2 id="his-orders-title">{t('his.orders.title')}</h2>
      </div>
      {data.active.length === 0 ? <p className="empty">{t('his.orders.none')}</p> : <OrdersTable orders={data.active} caption={t('his.orders.title')} />}
      {data.stopped.length > 0 && (
        <details className="his-stopped">
          <summary className="button">{t('his.orders.stopped', { count: data.stopped.length })}</summary>
          <OrdersTable orders={data.stopped} caption={t('his.orders.stopped', { count: data.stopped.length })} />
        </details>
      )}
    </section>
  );
}
