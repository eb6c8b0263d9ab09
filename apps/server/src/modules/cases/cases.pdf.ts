import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

/**
 * Renders a 执法文书 as PDF with a Chinese font the platform ships: Noto Sans SC (OFL-1.1, the
 * @embedpdf/fonts-sc package), so a fresh machine without system fonts prints Chinese. pdfkit
 * (through fontkit) embeds only the glyphs a document uses: a page comes to tens of kB, not 8 MB.
 */
const require = createRequire(import.meta.url);
export const FONT_PATH = path.join(path.dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');

let font: fontkit.Font | null = null;
/**
 * Read and parsed once per process (8 MB): pdfkit takes the parsed font and makes each
 * document's own subset from it, so the parse is not paid per document. One weight only: a
 * second (bold) doubled both the file and the time to make it, so headings differ by size.
 */
function loadFont(): fontkit.Font {
  font ??= fontkit.create(fs.readFileSync(FONT_PATH)) as fontkit.Font;
  return font;
}

export interface DocumentLayout {
  /** The issuing organisation, printed above the title (正定县应急管理局). */
  issuer: string;
  title: string;
  number: string;
  /** Label–value lines about the party (被处罚单位：…). */
  party: [string, string][];
  /** Body paragraphs; a paragraph starting with '【' is printed as a heading. */
  body: string[];
  /** The line the seal goes on, and the date under it. */
  sealLine: string;
  date: string;
  /** A last line printed small (送达回执 note, copies). */
  footnote?: string;
}

const MARGIN = 72;

/** The PDF's bytes. Metadata carries the number, so a file says what it is. */
export async function renderDocument(layout: DocumentLayout, createdAt: Date): Promise<Buffer> {
  const regular = loadFont();
  const doc = new PDFDocument({ size: 'A4', margins: { top: MARGIN, bottom: MARGIN, left: MARGIN + 6, right: MARGIN - 6 }, info: { Title: `${layout.title} ${layout.number}`, Subject: layout.title, Creator: 'anjian 安监', CreationDate: createdAt } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont('cjk', regular as unknown as Buffer);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc.font('cjk').fontSize(16).text(layout.issuer, { align: 'center' });
  doc.moveDown(0.4);
  doc.fontSize(22).text(layout.title, { align: 'center', characterSpacing: 2 });
  doc.moveDown(0.4);
  doc.font('cjk').fontSize(12).text(layout.number, { align: 'right' });
  doc.moveDown(0.6);
  const y = doc.y;
  doc.moveTo(doc.page.margins.left, y).lineTo(doc.page.margins.left + width, y).lineWidth(1).stroke('#c00000');
  doc.moveDown(0.8);

  doc.fontSize(12);
  for (const [label, value] of layout.party) {
    doc.font('cjk').text(`${label}：`, { continued: true }).font('cjk').text(value || '—');
  }
  doc.moveDown(0.6);
  for (const paragraph of layout.body) {
    if (paragraph.startsWith('【')) {
      doc.moveDown(0.3).font('cjk').text(paragraph.replace(/^【|】$/g, ''));
    } else {
      doc.font('cjk').text(paragraph, { indent: 24, lineGap: 4, align: 'justify' });
    }
    doc.moveDown(0.3);
  }
  doc.moveDown(2);
  if (doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage();
  doc.font('cjk').text(layout.sealLine, { align: 'right' });
  doc.moveDown(0.4);
  doc.text(layout.date, { align: 'right' });
  if (layout.footnote) {
    doc.moveDown(2);
    doc.fontSize(9).fillColor('#555555').text(layout.footnote);
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
