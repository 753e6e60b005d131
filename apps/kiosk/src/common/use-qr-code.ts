import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code for `text` as a PNG data URL; null until it is made. */
export function useQrCode(text: string): string | null {
  const [made, setMade] = useState<{ text: string; png: string } | null>(null);
  useEffect(() => {
    let stale = false;
    void QRCode.toDataURL(text, { margin: 0, width: 240, errorCorrectionLevel: 'M' }).then(
      (png) => !stale && setMade({ text, png }),
    );
    return () => {
      stale = true;
    };
  }, [text]);
  return made?.text === text ? made.png : null;
}
