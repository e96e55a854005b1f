// Reads the QR code of a printed sheet from a photo or a camera frame: the browser's own
// BarcodeDetector where it has one (Android, ChromeOS, macOS), otherwise ZXing-C++ compiled to
// WebAssembly (barcode-detector's ponyfill). The .wasm file is Relève's own asset, precached by
// the service worker, never fetched from a CDN: scanning must work with the network down. This
// module is only imported by the scan screen, which is loaded lazily, so the decoder weighs
// nothing on the ward board.
import { BarcodeDetector as ZxingDetector, prepareZXingModule } from 'barcode-detector/ponyfill';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

interface Detector {
  detect(source: ImageBitmapSource): Promise<{ rawValue: string }[]>;
}

interface NativeDetectorClass {
  new (options: { formats: string[] }): Detector;
  getSupportedFormats(): Promise<string[]>;
}

let detector: Promise<Detector> | null = null;

async function makeDetector(): Promise<Detector> {
  const native = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (native && (await native.getSupportedFormats().catch((): string[] => [])).includes('qr_code')) return new native({ formats: ['qr_code'] });
  prepareZXingModule({
    overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? new URL(wasmUrl, location.href).href : prefix + path) },
  });
  return new ZxingDetector({ formats: ['qr_code'] });
}

/** Every QR code's text found in the image (a photo of a sheet holds one; none when unreadable). */
export async function decodeQr(source: ImageBitmapSource): Promise<string[]> {
  detector ??= makeDetector();
  const found = await (await detector).detect(source);
  return found.map((b) => b.rawValue);
}
