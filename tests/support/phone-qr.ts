import jsQR from 'jsqr';
import type { Locator } from 'playwright-core';

/**
 * Runs in a blank page of the same browser (no app CSP there): decodes the PNG into RGBA on
 * a canvas. Passed as a string: the node type check has no DOM.
 */
const PNG_TO_RGBA = `async (pngBase64) => {
  const image = new Image();
  image.src = 'data:image/png;base64,' + pngBase64;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  let binary = '';
  for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return { width, height, rgba: btoa(binary) };
}`;

/**
 * What a QR code on the page says, read the way a phone's camera would: from its pixels (a
 * screenshot of the element), decoded with jsQR. Throws when no QR code can be read there.
 */
export async function readQrCode(qr: Locator): Promise<string> {
  const png = await qr.screenshot();
  // A page of its own (a context of its own: the page may be in Playwright's one-page context).
  const browser = qr.page().context().browser();
  if (!browser) throw new Error('readQrCode needs a page of a launched browser');
  const scratch = await browser.newPage();
  try {
    const { width, height, rgba } = (await scratch.evaluate(
      `(${PNG_TO_RGBA})(${JSON.stringify(png.toString('base64'))})`,
    )) as { width: number; height: number; rgba: string };
    const code = jsQR(new Uint8ClampedArray(Buffer.from(rgba, 'base64')), width, height);
    if (!code) throw new Error(`no QR code could be read in the ${width}×${height} screenshot`);
    return code.data;
  } finally {
    await scratch.close();
  }
}
