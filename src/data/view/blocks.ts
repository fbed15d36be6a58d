/** A tiny document model, so the dataset view can be written once and printed as Markdown or HTML. */
export type Inline = string | { text: string; href: string };
export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string; id?: string }
  | { type: 'paragraph'; parts: Inline[]; id?: string }
  | { type: 'list'; items: Inline[][] }
  | { type: 'table'; head: string[]; rows: Inline[][][] };

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inlineHtml(parts: Inline[]): string {
  return parts.map((p) => (typeof p === 'string' ? escapeHtml(p) : `<a href="${escapeHtml(p.href)}">${escapeHtml(p.text)}</a>`)).join('');
}

const escapeMd = (s: string) => s.replace(/([\\|*_[\]<>])/g, '\\$1');

function inlineMd(parts: Inline[]): string {
  return parts.map((p) => (typeof p === 'string' ? escapeMd(p) : `[${escapeMd(p.text)}](${p.href.replace(/\)/g, '%29')})`)).join('');
}

export function toMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === 'heading') out.push(`${'#'.repeat(b.level)} ${escapeMd(b.text)}`);
    else if (b.type === 'paragraph') out.push((b.id ? `<a id="${b.id}"></a>` : '') + inlineMd(b.parts));
    else if (b.type === 'list') out.push(b.items.map((item) => `- ${inlineMd(item)}`).join('\n'));
    else {
      const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
      out.push([row(b.head.map(escapeMd)), row(b.head.map(() => '---')), ...b.rows.map((r) => row(r.map(inlineMd)))].join('\n'));
    }
  }
  return `${out.join('\n\n')}\n`;
}

export function toHtml(blocks: Block[], title: string, css: string): string {
  const body = blocks
    .map((b) => {
      if (b.type === 'heading') return `<h${b.level}${b.id ? ` id="${escapeHtml(b.id)}"` : ''}>${escapeHtml(b.text)}</h${b.level}>`;
      if (b.type === 'paragraph') return `<p${b.id ? ` id="${escapeHtml(b.id)}"` : ''}>${inlineHtml(b.parts)}</p>`;
      if (b.type === 'list') return `<ul>\n${b.items.map((i) => `<li>${inlineHtml(i)}</li>`).join('\n')}\n</ul>`;
      const head = `<thead><tr>${b.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
      const rows = b.rows.map((r) => `<tr>${r.map((c) => `<td>${inlineHtml(c)}</td>`).join('')}</tr>`).join('\n');
      return `<div class="table"><table>${head}<tbody>\n${rows}\n</tbody></table></div>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
