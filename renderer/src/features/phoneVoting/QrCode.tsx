import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** A QR code of `text` as an image (data: URL, allowed by the CSP); `label` is its alt text. */
export function QrCode({ text, size, label }: { text: string; size: number; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { margin: 1, width: size, errorCorrectionLevel: 'M' }).then(
      (url) => live && setSrc(url),
      () => live && setSrc(null),
    );
    return () => {
      live = false;
    };
  }, [text, size]);
  return src ? (
    <img className="qr-code" src={src} width={size} height={size} alt={label} />
  ) : (
    <span className="qr-code" style={{ width: size, height: size }} />
  );
}
