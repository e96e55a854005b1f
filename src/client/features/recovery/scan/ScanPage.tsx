// "Scanner une feuille": read a printed sheet's QR code with the tablet's camera, or from a photo
// chosen from the tablet's files (a tablet without a camera, a sheet photographed earlier), then
// say what the sheet is and lead into its transcription. Loaded lazily with its decoder.
import { useCallback, useState } from 'react';
import { useTranslation } from '../../../i18n';
import { readScannedSheet, type ScannedSheet } from '../../../data';
import { Notice } from '../../../ui/Notice';
import { usePageTitle } from '../../../ui/usePageTitle';
import { CameraScanner } from './CameraScanner';
import { decodeQr } from './decode-qr';
import { ScanResult } from './ScanResult';

type Reading = { state: 'idle' } | { state: 'reading' } | { state: 'unreadable' } | { state: 'read'; sheet: ScannedSheet };

export default function ScanPage() {
  const { t } = useTranslation();
  const [reading, setReading] = useState<Reading>({ state: 'idle' });
  const [camera, setCamera] = useState(false);
  usePageTitle(t('recovery.scan.title'));

  /** The one entry point every source feeds: the text of a QR code. */
  const onText = useCallback(async (text: string) => {
    setCamera(false);
    setReading({ state: 'read', sheet: await readScannedSheet(text) });
  }, []);
  const onCameraText = useCallback((text: string) => void onText(text), [onText]);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setReading({ state: 'reading' });
    try {
      const texts = await decodeQr(await createImageBitmap(file));
      if (texts[0] === undefined) setReading({ state: 'unreadable' });
      else await onText(texts[0]);
    } catch (err) {
      console.error(err);
      setReading({ state: 'unreadable' });
    }
  };

  return (
    <section className="page recovery-page">
      <h1>{t('recovery.scan.title')}</h1>
      <p>{t('recovery.scan.intro')}</p>
      <div className="button-row">
        <button type="button" className="button button--primary" aria-pressed={camera} onClick={() => setCamera(!camera)}>
          {camera ? t('recovery.scan.stopCamera') : t('recovery.scan.camera')}
        </button>
        <label className="button file-button">
          {t('recovery.scan.pickImage')}
          <input type="file" accept="image/*" className="visually-hidden" onChange={(e) => void onFile(e.target.files?.[0])} />
        </label>
      </div>
      {camera && <CameraScanner decode={decodeQr} onText={onCameraText} />}
      {reading.state === 'reading' && <Notice kind="info">{t('recovery.scan.reading')}</Notice>}
      {reading.state === 'unreadable' && <Notice kind="error">{t('recovery.scan.unreadable')}</Notice>}
      {reading.state === 'read' && <ScanResult sheet={reading.sheet} />}
    </section>
  );
}
