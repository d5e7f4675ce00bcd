/** Reading an HTTP answer within bounds, for `RestDataSource`. */

/**
 * The body of `response` as UTF-8 text (a BOM dropped, as `Response.text()` does), reading at
 * most `maxBytes`: `complete` is false when the body holds more, and the rest is not read (a
 * declared `Content-Length` beyond it is not read at all). `text` is then what came before.
 * Rejects as `Response.text()` does when the connection fails mid-body.
 */
export async function readText(response: Response, maxBytes: number): Promise<{ text: string; complete: boolean }> {
  // Content-Length counts the encoded body, never more than the decoded one for compressed answers.
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    return { text: '', complete: false };
  }
  if (!response.body) return { text: '', complete: true };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > maxBytes) {
      parts.push(decoder.decode(value.subarray(0, maxBytes - size)));
      void reader.cancel().catch(() => undefined);
      return { text: parts.join(''), complete: false };
    }
    size += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return { text: parts.join(''), complete: true };
}

/** Whether a `Content-Type` is JSON (`application/json`, `application/problem+json`…); an absent one may be. */
export function isJsonType(contentType: string | null): boolean {
  return contentType === null || /^application\/([\w.-]+\+)?json\s*(;|$)/i.test(contentType.trim());
}

/** A `Retry-After` header (seconds, or an HTTP date) in milliseconds from `now`; `undefined` when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
