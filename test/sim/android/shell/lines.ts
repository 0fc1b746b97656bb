/** Yields complete lines (without their `\n`) from a byte stream; a last line without `\n` is yielded too. */
export async function* readLines(input: AsyncIterable<Buffer>, signal?: AbortSignal): AsyncGenerator<{ line: string; terminated: boolean }> {
  let pending = '';
  for await (const chunk of input) {
    if (signal?.aborted) return;
    pending += chunk.toString('utf8');
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      yield { line: pending.slice(0, newline), terminated: true };
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
  }
  if (pending.length > 0) yield { line: pending, terminated: false };
}

export function bufferStream(data: Buffer): AsyncIterable<Buffer> {
  return {
    async *[Symbol.asyncIterator]() {
      if (data.length > 0) yield data;
    },
  };
}
