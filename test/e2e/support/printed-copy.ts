import { OPS, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// Reads a printed copy (the PDF a browser prints a page to) the way a reader looks at paper: its
// sheets, their size, the text on them and how light the pictures on them are. pdf.js's Node
// build does the reading.

export interface PrintedSheet {
  /** In points. */
  width: number;
  height: number;
  text: string;
  /** Each picture's mean brightness, 0 (black) to 255 (white). */
  pictures: number[];
}

interface DecodedImage {
  width: number;
  height: number;
  /** 1: one bit per pixel, 2: RGB, 3: RGBA. */
  kind: number;
  data?: Uint8Array | Uint8ClampedArray;
}

// pdf.js expects Promise.withResolvers, which Node.js has from version 22 only.
const promises = Promise as unknown as { withResolvers?: () => unknown };
promises.withResolvers ??= () => {
  let resolve!: (value: unknown) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise((yes, no) => ([resolve, reject] = [yes, no]));
  return { promise, resolve, reject };
};

function brightness(image: DecodedImage): number {
  const channels = image.kind === 3 ? 4 : image.kind === 2 ? 3 : 0;
  if (!image.data || channels === 0) return NaN;
  let sum = 0;
  let count = 0;
  // A sample of the pixels is enough to tell a white page from an inverted one.
  for (let i = 0; i < image.data.length; i += channels * 17) {
    sum += image.data[i]! + image.data[i + 1]! + image.data[i + 2]!;
    count += 3;
  }
  return sum / count;
}

export async function readPrintedCopy(bytes: Uint8Array): Promise<PrintedSheet[]> {
  const loading = getDocument({ data: bytes.slice(), verbosity: 0 });
  const doc = await loading.promise;
  const sheets: PrintedSheet[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const text = (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
    const operators = await page.getOperatorList();
    const pictures: number[] = [];
    for (const [i, op] of operators.fnArray.entries()) {
      if (op !== OPS.paintImageXObject) continue;
      const name = (operators.argsArray[i] as [string])[0];
      const image = await new Promise<DecodedImage>((done) => page.objs.get(name, done as (data: unknown) => void));
      pictures.push(brightness(image));
    }
    sheets.push({ width, height, text, pictures });
  }
  await loading.destroy();
  return sheets;
}
