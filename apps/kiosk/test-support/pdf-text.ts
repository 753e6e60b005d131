import { inflateSync } from 'node:zlib';

// A small reader for the PDFs Chromium prints (page.pdf): enough to check a printed ticket's
// text and page size. Chromium writes each font with a ToUnicode map and shows text with
// `/F1 12 Tf` … `<0102> Tj`, sometimes inside `/Span <</ActualText <FEFF…>>> BDC … EMC`.

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<string, PdfObject> {
  const text = pdf.toString('latin1');
  const found = new Map<string, PdfObject>();
  const re = /(\d+) 0 obj([\s\S]*?)endobj/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[2]!;
    const start = body.indexOf('stream');
    if (start < 0) {
      found.set(m[1]!, { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, start);
    let from = start + 'stream'.length;
    if (body[from] === '\r') from++;
    if (body[from] === '\n') from++;
    const to = body.lastIndexOf('endstream');
    let raw = Buffer.from(body.slice(from, to), 'latin1');
    if (/\/FlateDecode/.test(dict)) {
      try {
        raw = inflateSync(raw);
      } catch {
        raw = Buffer.alloc(0);
      }
    }
    found.set(m[1]!, { dict, stream: raw });
  }
  return found;
}

const hexToString = (hex: string) =>
  String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));

/** A ToUnicode CMap: code (hex, as in the content stream) → text. */
function parseCMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, uni] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(code!.toUpperCase(), hexToString(uni!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, uni] of block[1]!.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    )) {
      const width = lo!.length;
      const start = parseInt(uni!, 16);
      for (let c = parseInt(lo!, 16); c <= parseInt(hi!, 16); c++) {
        map.set(
          c.toString(16).toUpperCase().padStart(width, '0'),
          String.fromCodePoint(start + c - parseInt(lo!, 16)),
        );
      }
    }
  }
  return map;
}

export interface PdfPage {
  widthMm: number;
  heightMm: number;
  text: string;
}

const PT_PER_MM = 72 / 25.4;

export function readPdf(pdf: Buffer): PdfPage[] {
  const objs = objects(pdf);
  const pages: PdfPage[] = [];
  for (const page of objs.values()) {
    if (!/\/Type\s*\/Page\b(?!s)/.test(page.dict)) continue;
    const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(page.dict);
    const fonts = new Map<string, Map<string, string>>();
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(page.dict)?.[1] ?? '';
    for (const [, name, ref] of fontDict.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      const toUnicode = /\/ToUnicode\s+(\d+) 0 R/.exec(objs.get(ref!)?.dict ?? '')?.[1];
      const cmap = toUnicode ? objs.get(toUnicode)?.stream?.toString('latin1') : undefined;
      fonts.set(name!, cmap ? parseCMap(cmap) : new Map());
    }
    const contents = [
      ...(/\/Contents\s*\[([^\]]*)\]/.exec(page.dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g),
      ...(/\/Contents\s+(\d+) 0 R/.exec(page.dict)
        ? [/\/Contents\s+(\d+) 0 R/.exec(page.dict)!]
        : []),
    ].map((m) => objs.get(m[1]!)?.stream?.toString('latin1') ?? '');
    pages.push({
      widthMm: box ? (Number(box[3]) - Number(box[1])) / PT_PER_MM : 0,
      heightMm: box ? (Number(box[4]) - Number(box[2])) / PT_PER_MM : 0,
      text: contents.map((c) => contentText(c, fonts)).join('\n'),
    });
  }
  return pages;
}

function contentText(content: string, fonts: Map<string, Map<string, string>>): string {
  let out = '';
  let font = new Map<string, string>();
  let actual: string | null = null;
  const tokens =
    /\/ActualText\s*<FEFF([0-9A-Fa-f]*)>|\/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\[([^\]]*)\]\s*TJ|\bEMC\b|\bET\b/g;
  for (const m of content.matchAll(tokens)) {
    if (m[1] !== undefined) actual = hexToString(m[1]);
    else if (m[2] !== undefined) font = fonts.get(m[2]) ?? new Map();
    else if (m[3] !== undefined || m[4] !== undefined) {
      if (actual !== null) continue;
      const hexes =
        m[3] !== undefined ? [m[3]] : [...m[4]!.matchAll(/<([0-9A-Fa-f]*)>/g)].map((h) => h[1]!);
      for (const hex of hexes) {
        const width = [...font.keys()][0]?.length ?? 2;
        for (let i = 0; i < hex.length; i += width)
          out += font.get(hex.slice(i, i + width).toUpperCase()) ?? '';
      }
    } else if (m[0] === 'EMC') {
      if (actual !== null) out += actual;
      actual = null;
    } else if (m[0] === 'ET') out += '\n';
  }
  return out;
}
