/**
 * Runs `fn` over `items` with at most `limit` in flight, keeping input order in the result.
 * A rejection of one item rejects the whole call: callers that must isolate failures
 * catch inside `fn` (the lab audit does, so one lost phone never fails the others).
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  });
  await Promise.all(workers);
  return results;
}
