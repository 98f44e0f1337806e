/*
 * A safe markdown subset for notes, rendered as React elements (never innerHTML of user text): # headings, - lists,
 * **bold**, *italic*, `code`, paragraphs.
 */
import type { ReactElement, ReactNode } from 'react';

function inline(text: string, key: string): ReactNode[] {
  const parts: ReactNode[] = [];
  const pattern = /(\*\*([^*]+)\*\*|\*([^*]+)\*|`([^`]+)`)/g;
  let last = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text))) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    const k = `${key}-${match.index}`;
    if (match[2] !== undefined) parts.push(<strong key={k}>{match[2]}</strong>);
    else if (match[3] !== undefined) parts.push(<em key={k}>{match[3]}</em>);
    else parts.push(<code key={k}>{match[4]}</code>);
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

export function Markdown({ text }: { text: string }): ReactElement {
  const blocks: ReactNode[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) blocks.push(<ul key={`ul${blocks.length}`}>{list.map((item, i) => <li key={i}>{inline(item, `li${i}`)}</li>)}</ul>);
    list = [];
  };
  text.split('\n').forEach((line, index) => {
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    if (item) { list.push(item[1]); return; }
    flush();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (heading) blocks.push(<div key={index} className={`wd-md-h${heading[1].length}`}>{inline(heading[2], `h${index}`)}</div>);
    else if (line.trim()) blocks.push(<p key={index}>{inline(line, `p${index}`)}</p>);
  });
  flush();
  return <div className="wd-markdown">{blocks}</div>;
}
