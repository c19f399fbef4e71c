/** Server-sent-event framing. Values are single-line so one event cannot forge another. */
export function sseEvent(id: string, type: string, data: unknown): string {
  return `id: ${oneLine(id)}\nevent: ${oneLine(type)}\ndata: ${JSON.stringify(data ?? null)}\n\n`;
}

export function sseComment(text: string): string {
  return `: ${oneLine(text)}\n\n`;
}

function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ');
}
