// The tablet's back camera, read a few times a second until a QR code is found. The stream is
// stopped as soon as the component goes (code found, or the person closes it).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../../i18n';
import { Notice } from '../../../ui/Notice';

const EVERY_MS = 400;

interface Props {
  decode: (source: ImageBitmapSource) => Promise<string[]>;
  onText: (text: string) => void;
}

export function CameraScanner({ decode, onText }: Props) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      const v = video.current;
      if (stopped || !v) return;
      const texts = v.readyState >= 2 ? await decode(v).catch(() => []) : [];
      if (stopped) return;
      if (texts[0] !== undefined) onText(texts[0]);
      else timer = setTimeout(() => void tick(), EVERY_MS);
    };
    if (!navigator.mediaDevices) return;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        void tick();
      })
      .catch(() => setFailed(true));
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [decode, onText]);
  // No camera API at all (plain http on another machine, an old browser): say so at once.
  if (failed || !navigator.mediaDevices) return <Notice kind="error">{t('recovery.scan.noCamera')}</Notice>;
  return <video ref={video} className="scan-video" muted playsInline aria-label={t('recovery.scan.cameraView')} />;
}
